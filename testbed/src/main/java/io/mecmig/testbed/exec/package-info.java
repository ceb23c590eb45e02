/**
 * Running system commands safely: argument vectors (never shell strings), timeouts, captured output and
 * errors that name the command and its stderr.
 */
package io.mecmig.testbed.exec;
