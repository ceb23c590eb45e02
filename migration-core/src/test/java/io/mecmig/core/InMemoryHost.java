package io.mecmig.core;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/** A test double of {@link Host}: containers are names, an app's state is a JSON string per container. */
final class InMemoryHost implements Host {

    private final String name;
    final Set<String> running = new HashSet<>();
    final Set<String> stopped = new HashSet<>();
    final Map<String, String> state = new HashMap<>();
    boolean failStart;

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
        if (failStart || !stopped.remove(container)) {
            throw new MigrationException("cannot start " + container + " on " + name);
        }
        running.add(container);
    }

    synchronized void run(String container, String json) {
        running.add(container);
        state.put(container, json);
    }

    synchronized void stop(String container) {
        if (running.remove(container)) {
            stopped.add(container);
        }
    }

    @Override
    public synchronized void removeContainer(String container) {
        running.remove(container);
        stopped.remove(container);
        state.remove(container);
    }
}
