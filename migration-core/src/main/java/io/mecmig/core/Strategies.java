package io.mecmig.core;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ServiceLoader;

/** Finds strategies by name among those the backends on the class path provide. */
public final class Strategies {

    private Strategies() {
    }

    /**
     * The strategy called {@code name} (case-insensitive).
     *
     * @param name the strategy's name
     * @return the strategy
     * @throws UnknownStrategyException listing every strategy that is available
     */
    public static Strategy named(String name) {
        Map<String, Strategy> all = available();
        Strategy strategy = all.get(name == null ? "" : name.toLowerCase(Locale.ROOT));
        if (strategy == null) {
            throw new UnknownStrategyException(name, all.keySet());
        }
        return strategy;
    }

    /**
     * Every available strategy by name, in class-path order.
     *
     * @return the strategies by lower-case name
     */
    public static Map<String, Strategy> available() {
        Map<String, Strategy> byName = new LinkedHashMap<>();
        for (StrategyProvider provider : ServiceLoader.load(StrategyProvider.class)) {
            for (Strategy s : provider.strategies()) {
                byName.putIfAbsent(s.name().toLowerCase(Locale.ROOT), s);
            }
        }
        return byName;
    }

    /**
     * The names of every available strategy.
     *
     * @return their names, in class-path order
     */
    public static List<String> names() {
        return List.copyOf(available().keySet());
    }
}
