package nl.afsprakenwiki.bench;

import nl.afsprakenwiki.bench.CorpusGenerator.AgreementFactory;
import nl.afsprakenwiki.bench.CorpusGenerator.Composer;
import nl.afsprakenwiki.bench.CorpusGenerator.Context;
import nl.afsprakenwiki.bench.CorpusGenerator.Grammar;
import nl.afsprakenwiki.bench.CorpusGenerator.Koppelzone;
import nl.afsprakenwiki.bench.CorpusGenerator.KoppelzoneFile;
import nl.afsprakenwiki.bench.CorpusGenerator.Municipality;
import nl.afsprakenwiki.bench.CorpusGenerator.Organisation;
import nl.afsprakenwiki.bench.CorpusGenerator.Output;
import nl.afsprakenwiki.bench.CorpusGenerator.Status;
import nl.afsprakenwiki.bench.CorpusGenerator.Topic;
import nl.afsprakenwiki.bench.CorpusGenerator.World;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.IntConsumer;

/**
 * The national data set of issue 20 in the import format: every koppelzone of {@code municipalities}
 * real municipalities (all 341 of the search corpus's world by default) and about
 * {@code perMunicipality} agreements each (102: ~35,000 in all), with the search corpus's texts
 * ({@link CorpusGenerator}) but a realistic history: revision counts drawn from a log-normal spread
 * (median 5, mean ~10, a tail to 200), increasing dates, a few authors per agreement, and herzieningen
 * ({@code endorsed_revision} below the newest revision). Adoptions and meetings are not part of the
 * import format; {@link NationalActivity} adds them after the import through the services.
 *
 * <pre>NationalDataSet &lt;empty-or-new-folder&gt; [--municipalities N] [--per-municipality A] [--seed S]</pre>
 */
public final class NationalDataSet {

    public static final int DEFAULT_PER_MUNICIPALITY = 102;
    private static final int MAX_REVISIONS = 200;

    private final long seed;
    private final Grammar grammar;

    public NationalDataSet(long seed) {
        this.seed = seed;
        this.grammar = Grammar.parse(CorpusGenerator.Vocabulary.sources(), Composer.CONTEXT_KEYS);
    }

    /** What a run wrote; {@code revisions} counts every revision, the newest ones included. */
    public record Summary(int municipalities, int koppelzones, int agreements, int revisions, int maxRevisions,
                          Map<Status, Integer> statuses, int herzieningen, int files, long bytes, Duration elapsed) {
    }

    public Summary write(Path folder, int municipalities, int perMunicipality, IntConsumer progress) {
        long start = System.nanoTime();
        Output output = Output.into(folder);
        World world = World.build(new SplittableRandom(seed), grammar);
        List<Municipality> chosen = choose(world, municipalities, new SplittableRandom(seed ^ 0x5eed));
        Map<Municipality, List<Koppelzone>> zones = new LinkedHashMap<>();
        for (Municipality municipality : chosen) {
            zones.put(municipality, new ArrayList<>());
        }
        int koppelzones = 0;
        for (Koppelzone koppelzone : world.koppelzones()) {
            List<Koppelzone> list = zones.get(koppelzone.municipality());
            if (list != null) {
                list.add(koppelzone);
                koppelzones++;
                output.write(koppelzone.directory().resolve("koppelzone.yaml"), KoppelzoneFile.text(koppelzone));
            }
        }
        Sampler sampler = new Sampler(zones, new SplittableRandom(seed ^ 0xa11ce));
        AgreementFactory factory = new AgreementFactory(grammar, world);
        int count = chosen.size() * perMunicipality;
        int revisions = 0;
        int max = 0;
        int herzieningen = 0;
        Map<Status, Integer> statuses = new EnumMap<>(Status.class);
        for (int i = 0; i < count; i++) {
            SplittableRandom random = new SplittableRandom(CorpusGenerator.mix(seed ^ CorpusGenerator.mix(i + 1L)));
            Planned agreement = next(factory, sampler.sample(random), random);
            Path directory = agreement.koppelzone().directory();
            List<String> files = agreement.revisions();
            for (int n = 0; n < files.size() - 1; n++) {
                output.write(directory.resolve(agreement.slug() + ".history").resolve((n + 1) + ".md"), files.get(n));
            }
            output.write(directory.resolve(agreement.slug() + ".md"), files.get(files.size() - 1));
            revisions += files.size();
            max = Math.max(max, files.size());
            herzieningen += agreement.herziening() ? 1 : 0;
            statuses.merge(agreement.status(), 1, Integer::sum);
            progress.accept(i + 1);
        }
        return new Summary(chosen.size(), koppelzones, count, revisions, max, statuses, herzieningen, output.files(),
                output.bytes(), Duration.ofNanos(System.nanoTime() - start));
    }

    /** {@code count} municipalities in an order shuffled by the seed, so a small set spans regions. */
    private static List<Municipality> choose(World world, int count, SplittableRandom random) {
        List<Municipality> all = new ArrayList<>(world.koppelzones().stream().map(Koppelzone::municipality).distinct().toList());
        for (int i = all.size() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            Municipality swap = all.get(i);
            all.set(i, all.get(j));
            all.set(j, swap);
        }
        return List.copyOf(all.subList(0, Math.min(count, all.size())));
    }

    /** Municipalities weighted by size (big cities 5, regional centres 2, others 1, each ±40 %); koppelzones within. */
    private static final class Sampler {
        private final List<Koppelzone> koppelzones = new ArrayList<>();
        private final double[] cumulative;

        Sampler(Map<Municipality, List<Koppelzone>> zones, SplittableRandom random) {
            List<Double> weights = new ArrayList<>();
            zones.forEach((municipality, list) -> {
                double size = (municipality.big() ? 5 : municipality.central() ? 2 : 1) * (0.6 + 0.8 * random.nextDouble());
                double[] shares = new double[list.size()];
                for (int i = 0; i < list.size(); i++) {
                    shares[i] = i == 0 ? 3 : list.get(i).regional() ? 1.5 : 1;
                }
                double sum = Arrays.stream(shares).sum();
                for (int i = 0; i < list.size(); i++) {
                    koppelzones.add(list.get(i));
                    weights.add(size * shares[i] / sum);
                }
            });
            cumulative = new double[weights.size()];
            double sum = 0;
            for (int i = 0; i < cumulative.length; i++) {
                sum += weights.get(i);
                cumulative[i] = sum;
            }
        }

        Koppelzone sample(SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int index = Arrays.binarySearch(cumulative, u);
            return koppelzones.get(index >= 0 ? index : Math.min(-index - 1, koppelzones.size() - 1));
        }
    }

    /** One agreement's files, oldest revision first; the last is the agreement file itself. */
    record Planned(Koppelzone koppelzone, String slug, Status status, boolean herziening, List<String> revisions) {
    }

    /** Most agreements bekrachtigd, some awaiting endorsement, concepts, a few retired. */
    static Status status(SplittableRandom random) {
        int u = random.nextInt(100);
        return u < 72 ? Status.BEKRACHTIGD : u < 82 ? Status.TER_BEKRACHTIGING : u < 96 ? Status.CONCEPT : Status.VERVALLEN;
    }

    /** Revisions in all: 1 + a log-normal draw (median 5, mean ~10), at most 200; concepts have at most 5. */
    static int revisionCount(Status status, SplittableRandom random) {
        int n = 1 + (int) Math.min(MAX_REVISIONS - 1, Math.exp(1.55 + 1.3 * random.nextGaussian()));
        return status == Status.CONCEPT ? Math.min(n, 1 + random.nextInt(5)) : n;
    }

    private Planned next(AgreementFactory factory, Koppelzone koppelzone, SplittableRandom random) {
        Topic topic = !koppelzone.focus().isEmpty() && random.nextInt(10) < 6
                ? koppelzone.focus().get(random.nextInt(koppelzone.focus().size())) : Topic.sample(random);
        List<Organisation> parties = factory.parties(koppelzone, topic, random);
        Status status = status(random);
        int count = revisionCount(status, random);
        LocalDate last = AgreementFactory.day(koppelzone, random);
        Context context = factory.composer.context(koppelzone, parties, last, random);
        AgreementFactory.Titled titled = factory.title(koppelzone, topic, context, random);
        List<String> themes = AgreementFactory.themes(topic, random);
        Composer.Body body = factory.composer.compose(topic, context, parties, random, factory.composer.targetLength(random));
        List<Composer.Block> optional = body.optionalInOrder();
        List<Instant> dates = dates(koppelzone.start(), last, count, random);
        List<String> authors = new ArrayList<>();
        for (int i = 1 + random.nextInt(4); i > 0; i--) {
            authors.add(grammar.expand("persoon", context, random));
        }

        // the first revisions add the optional sections one by one; later ones keep a list of adjustments
        int growing = Math.min(optional.size(), count - 1);
        List<String> files = new ArrayList<>(count);
        StringBuilder adjustments = new StringBuilder();
        String summary = "Eerste versie";
        for (int revision = 1; revision <= count; revision++) {
            int missing = Math.max(0, growing + 1 - revision);
            if (revision > 1 && revision <= growing + 1) {
                summary = "Paragraaf '" + optional.get(optional.size() - missing - 1).heading() + "' toegevoegd";
            } else if (revision > 1) {
                String heading = optional.isEmpty() ? "Afspraken" : optional.get(random.nextInt(optional.size())).heading();
                summary = grammar.expand("summary.wijziging", context, random).replace("PARAGRAAF", heading);
                adjustments.append("- ").append(dates.get(revision - 1).toString(), 0, 10).append(": ").append(summary).append('\n');
            }
            String text = body.render(Set.copyOf(optional.subList(optional.size() - missing, optional.size())));
            if (!adjustments.isEmpty()) {
                text = text + "\n## Bijstellingen\n\n" + adjustments;
            }
            String author = authors.get(random.nextInt(authors.size()));
            if (revision < count) {
                files.add(AgreementFactory.historyFile(titled.title(), author, dates.get(revision - 1), summary, text));
            } else {
                text = factory.composer.statusNote(status, context, random) + text;
                String file = AgreementFactory.agreementFile(titled.title(), koppelzone, parties, themes, status,
                        AgreementFactory.review(status, last, random), author, dates.get(revision - 1), summary, text);
                files.add(file);
            }
        }
        int endorsed = endorsedRevision(status, count, random);
        if (endorsed > 0) {
            int last1 = files.size() - 1;
            String marker = "\nstatus: " + status.code + "\n";
            files.set(last1, files.get(last1).replaceFirst(marker, marker + "endorsed_revision: " + endorsed + "\n"));
        }
        return new Planned(koppelzone, titled.slug(), status, endorsed > 0, List.copyOf(files));
    }

    /** A herziening for a fifth of the endorsed agreements and half of those awaiting endorsement, with history. */
    private static int endorsedRevision(Status status, int count, SplittableRandom random) {
        boolean herziening = count > 1 && (status == Status.BEKRACHTIGD && random.nextInt(5) == 0
                || status == Status.TER_BEKRACHTIGING && random.nextBoolean());
        return herziening ? count - 1 - random.nextInt(Math.min(3, count - 1)) : 0;
    }

    /** {@code count} increasing times from shortly after the koppelzone started to {@code last}, on working hours. */
    private static List<Instant> dates(LocalDate start, LocalDate last, int count, SplittableRandom random) {
        LocalDate from = start.plusDays(14);
        long span = Math.max(0, from.until(last, ChronoUnit.DAYS));
        long wanted = Math.min(span, (long) count * (15 + random.nextInt(45)));
        LocalDate first = last.minusDays(wanted);
        long[] offsets = new long[count];
        for (int i = 0; i < count - 1; i++) {
            offsets[i] = wanted == 0 ? 0 : random.nextLong(wanted * 24 * 12);
        }
        offsets[count - 1] = wanted * 24 * 12;
        Arrays.sort(offsets);
        List<Instant> dates = new ArrayList<>(count);
        for (long offset : offsets) {
            long day = offset / (24 * 12);
            long second = (offset % (24 * 12)) * 125; // 288 steps of 125 s: 8:00 to 18:00, in the order drawn
            dates.add(first.plusDays(day).atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds(8 * 3600 + second));
        }
        return dates;
    }

    public static void main(String[] args) {
        Path folder = null;
        int municipalities = Integer.MAX_VALUE;
        int perMunicipality = DEFAULT_PER_MUNICIPALITY;
        long seed = CorpusGenerator.DEFAULT_SEED;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--municipalities" -> municipalities = Integer.parseInt(args[++i]);
                case "--per-municipality" -> perMunicipality = Integer.parseInt(args[++i]);
                case "--seed" -> seed = Long.parseLong(args[++i]);
                default -> {
                    if (folder != null || args[i].startsWith("--")) {
                        System.err.println("usage: NationalDataSet <empty-or-new-folder> [--municipalities N] "
                                + "[--per-municipality A] [--seed S]");
                        System.exit(2);
                    }
                    folder = Path.of(args[i]);
                }
            }
        }
        if (folder == null) {
            System.err.println("usage: NationalDataSet <empty-or-new-folder> [--municipalities N] [--per-municipality A] [--seed S]");
            System.exit(2);
        }
        long[] lastReport = {System.nanoTime()};
        Summary s = new NationalDataSet(seed).write(folder, municipalities, perMunicipality, done -> {
            if (System.nanoTime() - lastReport[0] > 5_000_000_000L) {
                lastReport[0] = System.nanoTime();
                System.err.printf(Locale.US, "[national] %,d agreements written%n", done);
            }
        });
        System.err.printf(Locale.US, "[national] done: %,d municipalities, %,d koppelzones, %,d agreements, %,d revisions "
                        + "(mean %.1f, max %d), statuses %s, %,d herzieningen; %,d files, %.1f MB in %.1f s (seed %d)%n",
                s.municipalities(), s.koppelzones(), s.agreements(), s.revisions(), (double) s.revisions() / s.agreements(),
                s.maxRevisions(), s.statuses(), s.herzieningen(), s.files(), s.bytes() / 1e6, s.elapsed().toMillis() / 1000.0, seed);
    }
}
