/** The API gateway: Apache httpd reverse proxy to the MEC platform. */
package io.mecmig.gateway;
