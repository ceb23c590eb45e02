/** Docker Engine hosts, SSH channels and transfers, volumes, and the SFP and FCCP strategies. */
package io.mecmig.docker;
