package io.mecmig.core;

import java.util.List;

/**
 * Service-provider interface through which backends offer strategies to {@link Strategies}; list an
 * implementation in {@code META-INF/services/io.mecmig.core.StrategyProvider}.
 */
public interface StrategyProvider {

    List<Strategy> strategies();
}
