/** The mecmig command line. */
package io.mecmig.cli;
