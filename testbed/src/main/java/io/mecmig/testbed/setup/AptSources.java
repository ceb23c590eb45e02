package io.mecmig.testbed.setup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The machine's apt sources, both one-line ({@code *.list}) and deb822 ({@code *.sources}) formats.
 * Setup reads the mirror the machine already uses from here, so the project never names a mirror.
 */
public final class AptSources {

    /**
     * One repository entry.
     *
     * @param types    {@code deb} and/or {@code deb-src}
     * @param uri      the mirror URI
     * @param suites   e.g. {@code bookworm}, {@code bookworm-updates}
     * @param signedBy the keyring file, or empty
     */
    public record Entry(List<String> types, String uri, List<String> suites, Optional<String> signedBy) {
    }

    private final List<Entry> entries;

    public AptSources(List<Entry> entries) {
        this.entries = List.copyOf(entries);
    }

    /** All entries, in file order. */
    public List<Entry> entries() {
        return entries;
    }

    /** Reads {@code sources.list} and every {@code *.list} / {@code *.sources} in {@code sources.list.d}. */
    public static AptSources read(Path aptDir) {
        List<Entry> all = new ArrayList<>();
        try {
            Path main = aptDir.resolve("sources.list");
            if (Files.isRegularFile(main)) {
                all.addAll(parseOneLine(Files.readString(main)));
            }
            Path parts = aptDir.resolve("sources.list.d");
            if (Files.isDirectory(parts)) {
                try (Stream<Path> files = Files.list(parts)) {
                    for (Path file : files.sorted().toList()) {
                        String name = file.getFileName().toString();
                        if (name.endsWith(".list")) {
                            all.addAll(parseOneLine(Files.readString(file)));
                        } else if (name.endsWith(".sources")) {
                            all.addAll(parseDeb822(Files.readString(file)));
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new SetupException("cannot read the apt sources in " + aptDir + ": " + e.getMessage());
        }
        return new AptSources(all);
    }

    /** Parses the one-line format: {@code deb [signed-by=/k.gpg arch=amd64] URI suite component...}. */
    public static List<Entry> parseOneLine(String text) {
        List<Entry> result = new ArrayList<>();
        for (String raw : text.split("\n")) {
            String line = raw.replaceFirst("#.*", "").strip();
            if (line.isEmpty()) {
                continue;
            }
            List<String> words = new ArrayList<>(Arrays.asList(line.split("\\s+")));
            String type = words.remove(0);
            if (!type.equals("deb") && !type.equals("deb-src")) {
                continue;
            }
            Optional<String> signedBy = Optional.empty();
            if (!words.isEmpty() && words.get(0).startsWith("[")) {
                StringBuilder options = new StringBuilder();
                while (!words.isEmpty()) {
                    String word = words.remove(0);
                    options.append(word).append(' ');
                    if (word.endsWith("]")) {
                        break;
                    }
                }
                for (String option : options.toString().replace("[", "").replace("]", "").split("\\s+")) {
                    if (option.startsWith("signed-by=")) {
                        signedBy = Optional.of(option.substring("signed-by=".length()));
                    }
                }
            }
            if (words.size() >= 2) {
                result.add(new Entry(List.of(type), words.get(0), List.of(words.get(1)), signedBy));
            }
        }
        return result;
    }

    /** Parses the deb822 format: paragraphs of {@code Types:}, {@code URIs:}, {@code Suites:}, ... fields. */
    public static List<Entry> parseDeb822(String text) {
        List<Entry> result = new ArrayList<>();
        for (String paragraph : text.split("\n\\s*\n")) {
            String types = "";
            String uris = "";
            String suites = "";
            String signedBy = "";
            boolean enabled = true;
            for (String line : paragraph.split("\n")) {
                if (line.startsWith("#") || line.startsWith(" ") || line.startsWith("\t")) {
                    continue; // comments, and continuation lines such as an inline key block
                }
                int colon = line.indexOf(':');
                if (colon <= 0) {
                    continue;
                }
                String key = line.substring(0, colon).strip().toLowerCase();
                String value = line.substring(colon + 1).strip();
                switch (key) {
                    case "types" -> types = value;
                    case "uris" -> uris = value;
                    case "suites" -> suites = value;
                    case "signed-by" -> signedBy = value;
                    case "enabled" -> enabled = !value.equalsIgnoreCase("no");
                    default -> { }
                }
            }
            if (!enabled || types.isBlank() || uris.isBlank() || suites.isBlank()) {
                continue;
            }
            Optional<String> keyring = signedBy.startsWith("/") ? Optional.of(signedBy) : Optional.empty();
            for (String uri : uris.split("\\s+")) {
                result.add(new Entry(List.of(types.split("\\s+")), uri, List.of(suites.split("\\s+")), keyring));
            }
        }
        return result;
    }

    /**
     * The machine's main Debian archive: a binary ({@code deb}) entry that serves the release
     * {@code codename} itself (not its -security or -updates suites).
     */
    public Optional<Entry> mainArchive(String codename) {
        return entries.stream()
                .filter(e -> e.types().contains("deb"))
                .filter(e -> e.suites().contains(codename))
                .filter(e -> !e.uri().contains("security"))
                .findFirst();
    }
}
