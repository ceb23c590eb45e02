/** HTTP side of the sandbox (internal): Location API v2, RNIS v2, subscriptions, notifications, control API. */
package io.mecmig.sandbox.http;
