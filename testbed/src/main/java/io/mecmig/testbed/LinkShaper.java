package io.mecmig.testbed;

import io.mecmig.core.LinkProfile;
import io.mecmig.testbed.TestbedLayout.LinkPlan;
import io.mecmig.testbed.exec.Command;
import io.mecmig.testbed.exec.CommandResult;
import io.mecmig.testbed.exec.CommandRunner;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Shapes the migration link: an HTB class with the rate on every link end (so each direction is
 * limited on its way out), and packet loss with netem when the kernel has it, else with nftables
 * random drop in the table {@code inet mecmig_link} of each host.
 */
final class LinkShaper {

    static final String NFT_TABLE = "mecmig_link";
    private static final Pattern TC_RATE = Pattern.compile("htb 1:10 .*?rate (\\S+)");
    private static final Pattern NETEM_LOSS = Pattern.compile("netem .*loss (\\d+(?:\\.\\d+)?)%");
    private static final Pattern NFT_LOSS = Pattern.compile("oifname \"([^\"]+)\" numgen random mod 100000 < (\\d+)");

    private final CommandRunner runner;
    private final TestbedLayout layout;
    private LossMethod lossMethod;

    LinkShaper(CommandRunner runner, TestbedLayout layout) {
        this.runner = runner;
        this.layout = layout;
    }

    /**
     * One link end's shaping as found on the machine.
     *
     * @param host      the namespace
     * @param iface     the interface
     * @param rate      tc's rendering of the HTB rate, or "unlimited"
     * @param lossPercent the drop probability found (netem or nftables), 0 when none
     */
    record EndState(String host, String iface, String rate, double lossPercent) {
    }

    /** Applies the profile to every link end. */
    void apply(LinkProfile profile) {
        LossMethod method = lossMethod();
        for (LinkPlan link : layout.links()) {
            shapeEnd(link.a(), link.aInterface(), profile, method);
            shapeEnd(link.b(), link.bInterface(), profile, method);
        }
        if (method == LossMethod.NFTABLES) {
            for (var host : layout.hosts()) {
                writeDropTable(host.name(), profile);
            }
        }
    }

    /** Netem if the kernel knows it (tried on the first host's loopback), else nftables. */
    LossMethod lossMethod() {
        if (lossMethod == null) {
            String ns = layout.hosts().get(0).name();
            CommandResult probe = runner.run(Netns.in(ns, "tc", "qdisc", "add", "dev", "lo", "root", "handle", "9:", "netem", "loss", "0%"));
            if (probe.ok()) {
                runner.run(Netns.in(ns, "tc", "qdisc", "del", "dev", "lo", "root"));
                lossMethod = LossMethod.NETEM;
            } else {
                lossMethod = LossMethod.NFTABLES;
            }
        }
        return lossMethod;
    }

    /** The shaping found on each link end. */
    List<EndState> state() {
        List<EndState> ends = new ArrayList<>();
        for (LinkPlan link : layout.links()) {
            ends.add(endState(link.a(), link.aInterface()));
            ends.add(endState(link.b(), link.bInterface()));
        }
        return ends;
    }

    private void shapeEnd(String ns, String iface, LinkProfile profile, LossMethod method) {
        // Start from a clean root qdisc: replacing piecemeal would keep a stale netem child around.
        runner.run(Netns.in(ns, "tc", "qdisc", "del", "dev", iface, "root"));
        boolean netemLoss = method == LossMethod.NETEM && profile.lossPercent() > 0;
        String loss = String.format(java.util.Locale.ROOT, "%.3f%%", profile.lossPercent());
        if (profile.limited()) {
            String rate = profile.bitsPerSecond() + "bit";
            runner.require(Netns.in(ns, "tc", "qdisc", "add", "dev", iface, "root", "handle", "1:", "htb", "default", "10"));
            runner.require(Netns.in(ns, "tc", "class", "add", "dev", iface, "parent", "1:", "classid", "1:10",
                    "htb", "rate", rate, "ceil", rate, "burst", burst(profile), "cburst", burst(profile),
                    // One class, so the quantum only matters for tc's warning about the default at high rates.
                    "quantum", "60000"));
            if (netemLoss) {
                runner.require(Netns.in(ns, "tc", "qdisc", "add", "dev", iface, "parent", "1:10", "handle", "10:", "netem", "loss", loss));
            }
        } else if (netemLoss) {
            runner.require(Netns.in(ns, "tc", "qdisc", "add", "dev", iface, "root", "handle", "1:", "netem", "loss", loss));
        }
    }

    /**
     * Bytes HTB may send at once. Too small a bucket cannot reach high rates with coarse kernel timers;
     * about 1 ms worth of data (at least 16 KB) keeps the rate exact without bursts that matter.
     */
    static String burst(LinkProfile profile) {
        long bytesPerMs = profile.bitsPerSecond() / 8 / 1000;
        return Math.max(16_000, bytesPerMs) + "b";
    }

    /** Loss in thousandths of a percent, the unit of the nftables rule (1 in 100000 packets). */
    static long lossPer100k(LinkProfile profile) {
        return Math.round(profile.lossPercent() * 1000);
    }

    private void writeDropTable(String ns, LinkProfile profile) {
        StringBuilder script = new StringBuilder()
                .append("table inet ").append(NFT_TABLE).append(" {}\n")
                .append("delete table inet ").append(NFT_TABLE).append('\n');
        if (profile.lossPercent() > 0) {
            script.append("table inet ").append(NFT_TABLE).append(" {\n")
                    .append("  chain egress {\n")
                    .append("    type filter hook postrouting priority 0; policy accept;\n");
            for (LinkPlan link : layout.links()) {
                String iface = link.a().equals(ns) ? link.aInterface() : link.b().equals(ns) ? link.bInterface() : null;
                if (iface != null) {
                    script.append("    oifname \"").append(iface).append("\" numgen random mod 100000 < ")
                            .append(lossPer100k(profile)).append(" counter drop\n");
                }
            }
            script.append("  }\n}\n");
        }
        runner.require(Netns.in(ns, Command.of("nft", "-f", "-").withStdin(script.toString())));
    }

    private EndState endState(String ns, String iface) {
        CommandResult classes = runner.run(Netns.in(ns, "tc", "class", "show", "dev", iface));
        Matcher rate = TC_RATE.matcher(classes.stdout());
        String rateText = classes.ok() && rate.find() ? rate.group(1) : "unlimited";
        double loss = 0;
        CommandResult qdiscs = runner.run(Netns.in(ns, "tc", "qdisc", "show", "dev", iface));
        Matcher netem = NETEM_LOSS.matcher(qdiscs.stdout());
        if (qdiscs.ok() && netem.find()) {
            loss = Double.parseDouble(netem.group(1));
        } else {
            loss = nftLoss(ns).getOrDefault(iface, 0.0);
        }
        return new EndState(ns, iface, rateText, loss);
    }

    private Map<String, Double> nftLoss(String ns) {
        CommandResult table = runner.run(Netns.in(ns, "nft", "list", "table", "inet", NFT_TABLE));
        if (!table.ok()) {
            return Map.of();
        }
        Map<String, Double> loss = new java.util.HashMap<>();
        Matcher m = NFT_LOSS.matcher(table.stdout());
        while (m.find()) {
            loss.put(m.group(1), Long.parseLong(m.group(2)) / 1000.0);
        }
        return loss;
    }

    /** The profile all ends agree on, if they do. */
    Optional<String> summary() {
        List<EndState> ends = state();
        if (ends.isEmpty()) {
            return Optional.empty();
        }
        EndState first = ends.get(0);
        boolean same = ends.stream().allMatch(e -> e.rate().equals(first.rate()) && e.lossPercent() == first.lossPercent());
        return same ? Optional.of("rate " + first.rate() + ", loss " + first.lossPercent() + " % per direction") : Optional.empty();
    }
}
