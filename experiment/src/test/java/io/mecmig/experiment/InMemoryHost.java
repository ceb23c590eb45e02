package io.mecmig.experiment;

import io.mecmig.core.AppSpec;
import io.mecmig.core.Host;
import io.mecmig.core.ServiceAddress;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A test double of {@link Host}: containers are names, an app's state is a counter per container. */
final class InMemoryHost implements Host {

    private final String name;
    private final Set<String> running = new HashSet<>();
    private final Set<String> stopped = new HashSet<>();
    private final Map<String, Long> counter = new HashMap<>();

    InMemoryHost(String name) {
        this.name = name;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public ServiceAddress serviceAddress(AppSpec app) {
        return new ServiceAddress(name, app.servicePort());
    }

    @Override
    public synchronized boolean isRunning(String container) {
        return running.contains(container);
    }

    @Override
    public synchronized void start(String container) {
        if (!stopped.remove(container)) {
            throw new IllegalStateException("no stopped " + container + " on " + name);
        }
        running.add(container);
    }

    @Override
    public synchronized void removeContainer(String container) {
        running.remove(container);
        stopped.remove(container);
        counter.remove(container);
    }

    synchronized void run(String container, long value) {
        running.add(container);
        counter.put(container, value);
    }

    synchronized void stop(String container) {
        if (running.remove(container)) {
            stopped.add(container);
        }
    }

    synchronized long counter(String container) {
        return counter.getOrDefault(container, 0L);
    }

    synchronized boolean hasAnything(String container) {
        return running.contains(container) || stopped.contains(container) || counter.containsKey(container);
    }
}
