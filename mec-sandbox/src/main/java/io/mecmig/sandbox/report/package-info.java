/** The paper's Table V from the mobility engine: time between changes of the serving MEC host. */
package io.mecmig.sandbox.report;
