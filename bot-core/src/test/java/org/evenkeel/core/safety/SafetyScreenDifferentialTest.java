package org.evenkeel.core.safety;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.content.SafetyPatterns;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.Test;

/**
 * The fast {@link PatternSafetyScreen} must give exactly the verdict of {@link
 * ReferenceSafetyScreen}, the screen as it was (every guard and pattern run one by one), on the
 * project's real patterns. Compared on: the labelled corpus; every example phrase in the safety
 * content's comments and every string literal in bot-core's tests; the content's own sentences;
 * samples written from every pattern's and guard's source; ordinary recovery talk; and thousands of
 * random messages (fixed seed) splicing all of these together with typing noise.
 *
 * <p>Agreement only proves something where the inputs reach the patterns, so the test also checks
 * its own reach: most patterns have a sample on which that pattern alone decides its category (so a
 * prefilter wrongly skipping it would change the verdict), most guards mask their samples, and the
 * random messages are a mix of crisis and ordinary, with guards masking in many of them.
 */
class SafetyScreenDifferentialTest {

  private static final long SEED = 20_260_302L;
  private static final int SAMPLES_PER_PATTERN = 16;
  private static final int RANDOM_MESSAGES = 4_000;

  private static final List<SafetyPatterns> LANGUAGES = TestContent.load().safety();
  private static final PatternSafetyScreen FAST = new PatternSafetyScreen(LANGUAGES);
  private static final ReferenceSafetyScreen REFERENCE = new ReferenceSafetyScreen(LANGUAGES);

  @Test
  void labelledCorpus_agrees() {
    List<String> texts = labelledCorpus();

    assertThat(texts).hasSizeGreaterThan(150);
    assertAgree(texts);
  }

  @Test
  void examplesInTheSafetyContentAndInTheTests_agree() {
    List<String> examples = safetyContentExamples();
    List<String> literals = testStringLiterals();

    assertThat(examples).hasSizeGreaterThan(30).contains("this craving is killing me");
    assertThat(literals).hasSizeGreaterThan(500);
    assertAgree(examples);
    assertAgree(literals);
  }

  @Test
  void ordinaryTalkAndTheContentsOwnSentences_agree() {
    List<String> ordinary = ordinaryTalk();
    List<String> sentences = contentSentences();

    assertThat(ordinary).hasSizeGreaterThan(80);
    assertThat(sentences).hasSizeGreaterThan(200);
    assertAgree(ordinary);
    assertAgree(sentences);
  }

  @Test
  void samplesOfEveryPatternAndGuard_agree_andReachEachOne() {
    Random random = new Random(SEED);
    int patterns = 0;
    List<String> undecided = new ArrayList<>();
    for (SafetyPatterns language : LANGUAGES) {
      for (Map.Entry<CrisisCategory, List<Pattern>> category : language.categories().entrySet()) {
        for (Pattern pattern : category.getValue()) {
          patterns++;
          List<String> samples = samples(pattern, random);
          assertAgree(samples);
          if (samples.stream().noneMatch(s -> decides(pattern, category.getKey(), s))) {
            undecided.add(language.language() + " " + pattern.pattern());
          }
        }
      }
    }
    List<String> unmasked = new ArrayList<>();
    for (SafetyPatterns language : LANGUAGES) {
      for (Pattern guard : language.guards()) {
        List<String> samples = samples(guard, random);
        assertAgree(samples);
        assertAgree(samples.stream().map(s -> s + " and i want to kill myself").toList());
        if (samples.stream().noneMatch(s -> guard.matcher(normalize(s)).find())) {
          unmasked.add(language.language() + " " + guard.pattern());
        }
      }
    }
    // A few patterns never decide alone: a broader one of the same category, sometimes in another
    // language, matches whatever they match (on the content of 2026-03: 4 of 303). Every other
    // pattern has a sample that a prefilter wrongly skipping it would judge differently.
    assertThat(undecided.size())
        .as("patterns no sample decides: %s", undecided)
        .isLessThan(patterns / 40);
    assertThat(unmasked).as("guards no sample reaches").isEmpty();
  }

  @Test
  void randomMessagesSplicingCrisisPhrasesIntoOrdinaryTalkWithNoise_agree() {
    Random random = new Random(SEED);
    List<String> ordinary = ordinaryTalk();
    List<String> crisis = new ArrayList<>(labelledCorpus());
    crisis.addAll(safetyContentExamples());
    List<String> idioms = new ArrayList<>();
    for (SafetyPatterns language : LANGUAGES) {
      language.categories().values().stream()
          .flatMap(List::stream)
          .forEach(p -> crisis.add(RegexSampler.sample(p.pattern(), random)));
      language.guards().forEach(g -> idioms.add(RegexSampler.sample(g.pattern(), random)));
    }

    List<String> messages = new ArrayList<>();
    for (int i = 0; i < RANDOM_MESSAGES; i++) {
      messages.add(randomMessage(random, ordinary, crisis, idioms));
    }

    List<Optional<CrisisSignal>> verdicts = assertAgree(messages);
    long flagged = verdicts.stream().filter(Optional::isPresent).count();
    Set<CrisisCategory> seen = EnumSet.noneOf(CrisisCategory.class);
    verdicts.forEach(v -> v.ifPresent(s -> seen.addAll(s.categories())));
    long masked = messages.stream().filter(SafetyScreenDifferentialTest::anyGuardMatches).count();
    assertThat(flagged).isBetween(RANDOM_MESSAGES * 3L / 10, RANDOM_MESSAGES * 9L / 10);
    assertThat(seen).containsExactlyInAnyOrder(CrisisCategory.values());
    assertThat(masked).isGreaterThan(RANDOM_MESSAGES / 10L);
  }

  @Test
  void normalizer_agreesWithItsReference_characterForCharacter() {
    Random random = new Random(SEED);
    List<String> texts = new ArrayList<>(labelledCorpus());
    texts.addAll(ordinaryTalk());
    texts.addAll(testStringLiterals());
    String alphabet =
        "aaabbeeiiklmnoossttyz   AEIKS0134579@$''`´’‘ʼ.,!?\t\n\r\u000B\f\u00A0éüßçñİıſ\u212Aａ"
            + "\u0301\u0308\u200B\u00AD\uFEFF\u2066💊🔪⚰💉😭";
    int[] points = alphabet.codePoints().toArray();
    for (int i = 0; i < 20_000; i++) {
      StringBuilder s = new StringBuilder();
      int length = random.nextInt(24);
      for (int k = 0; k < length; k++) {
        s.appendCodePoint(points[random.nextInt(points.length)]);
      }
      texts.add(s.toString());
      texts.add(MessageNoise.mutate(texts.get(random.nextInt(texts.size())), random, 3));
    }

    for (String text : texts) {
      assertThat(TextNormalizer.normalize(text))
          .as("normalising %s", text)
          .isEqualTo(ReferenceTextNormalizer.normalize(text));
    }
  }

  // ---- comparing ----

  /** Asserts both screens agree on every text; returns the verdicts. */
  private static List<Optional<CrisisSignal>> assertAgree(List<String> texts) {
    List<Optional<CrisisSignal>> verdicts = new ArrayList<>();
    List<String> disagreements = new ArrayList<>();
    for (String text : texts) {
      Optional<CrisisSignal> expected = REFERENCE.screen(text);
      Optional<CrisisSignal> actual = FAST.screen(text);
      if (!actual.equals(expected)) {
        disagreements.add(text + " -> " + actual + ", reference " + expected);
      }
      verdicts.add(expected);
    }
    assertThat(disagreements).as("messages the screens judge differently").isEmpty();
    return verdicts;
  }

  /**
   * Whether {@code pattern} alone finds {@code category} in {@code text}: it matches (after its
   * language's guards) and no other pattern of the category does, so skipping it would lose the
   * category.
   */
  private static boolean decides(Pattern pattern, CrisisCategory category, String text) {
    String normalized = normalize(text);
    boolean matches = false;
    for (SafetyPatterns language : LANGUAGES) {
      String masked = mask(normalized, language.guards());
      for (Pattern other : language.categories().getOrDefault(category, List.of())) {
        if (other.matcher(masked).find()) {
          if (other != pattern) {
            return false;
          }
          matches = true;
        }
      }
    }
    return matches;
  }

  private static boolean anyGuardMatches(String text) {
    String normalized = normalize(text);
    return LANGUAGES.stream()
        .flatMap(l -> l.guards().stream())
        .anyMatch(g -> g.matcher(normalized).find());
  }

  private static String mask(String text, List<Pattern> guards) {
    char[] chars = text.toCharArray();
    for (Pattern guard : guards) {
      Matcher m = guard.matcher(text);
      while (m.find()) {
        for (int i = m.start(); i < m.end(); i++) {
          chars[i] = ' ';
        }
      }
    }
    return new String(chars);
  }

  private static String normalize(String text) {
    return ReferenceTextNormalizer.normalize(text);
  }

  // ---- inputs ----

  private static List<String> samples(Pattern pattern, Random random) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < SAMPLES_PER_PATTERN; i++) {
      String sample = RegexSampler.sample(pattern.pattern(), random);
      out.add(sample);
      out.add(
          i % 2 == 0 ? "honestly " + sample + " today" : MessageNoise.mutate(sample, random, 2));
    }
    return out;
  }

  private static String randomMessage(
      Random random, List<String> ordinary, List<String> crisis, List<String> idioms) {
    List<String> parts = new ArrayList<>();
    for (int i = random.nextInt(3); i >= 0; i--) {
      parts.add(pick(ordinary, random));
    }
    if (random.nextInt(10) < 7) {
      parts.add(random.nextInt(parts.size() + 1), pick(crisis, random));
    }
    if (random.nextInt(10) < 4) {
      parts.add(random.nextInt(parts.size() + 1), pick(idioms, random));
    }
    String[] joins = {" ", ". ", ", ", " and ", "\n", "... ", ""};
    StringBuilder message = new StringBuilder(parts.get(0));
    for (int i = 1; i < parts.size(); i++) {
      message.append(joins[random.nextInt(joins.length)]).append(parts.get(i));
    }
    String out = MessageNoise.mutate(message.toString(), random, random.nextInt(5));
    if (random.nextInt(10) == 0 && !out.isEmpty()) {
      out = out.substring(0, random.nextInt(out.length())); // cut off mid-word
    }
    return out;
  }

  private static String pick(List<String> from, Random random) {
    return from.get(random.nextInt(from.size()));
  }

  private static List<String> labelledCorpus() {
    return lines(TestContent.dir().resolveSibling("bot-core/src/test/resources/safety/cases.tsv"))
        .filter(l -> !l.startsWith("language\t"))
        .map(l -> l.split("\t", -1))
        .filter(columns -> columns.length == 3)
        .map(columns -> columns[2])
        .toList();
  }

  private static List<String> ordinaryTalk() {
    return lines(
            TestContent.dir().resolveSibling("bot-core/src/test/resources/safety/ordinary.txt"))
        .toList();
  }

  /** The phrases quoted in the safety files' comments: the idioms and signals they are for. */
  private static List<String> safetyContentExamples() {
    return yamlFiles("safety")
        .flatMap(SafetyScreenDifferentialTest::allLines)
        .filter(l -> l.strip().startsWith("#"))
        .flatMap(l -> quoted(l).stream())
        .distinct()
        .toList();
  }

  /** What the bot says and what members type to reach intents: quoted strings in the content. */
  private static List<String> contentSentences() {
    return Stream.of("messages", "intents", "flows")
        .flatMap(SafetyScreenDifferentialTest::yamlFiles)
        .flatMap(SafetyScreenDifferentialTest::allLines)
        .flatMap(l -> quoted(l).stream())
        .distinct()
        .toList();
  }

  /** Every string literal in bot-core's test sources: the phrases every other test uses. */
  private static List<String> testStringLiterals() {
    Path root = TestContent.dir().resolveSibling("bot-core/src/test/java");
    Pattern literal = Pattern.compile("\"((?:[^\"\\\\\\n]|\\\\.)*)\"");
    Set<String> out = new LinkedHashSet<>();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path file : files.filter(f -> f.toString().endsWith(".java")).sorted().toList()) {
        Matcher m = literal.matcher(Files.readString(file, StandardCharsets.UTF_8));
        while (m.find()) {
          out.add(unescape(m.group(1)));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return List.copyOf(out);
  }

  private static String unescape(String javaLiteral) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < javaLiteral.length(); i++) {
      char c = javaLiteral.charAt(i);
      if (c != '\\' || i + 1 == javaLiteral.length()) {
        out.append(c);
        continue;
      }
      char e = javaLiteral.charAt(++i);
      if (e == 'u' && i + 4 < javaLiteral.length()) {
        out.append((char) Integer.parseInt(javaLiteral.substring(i + 1, i + 5), 16));
        i += 4;
      } else {
        out.append(
            switch (e) {
              case 'n' -> '\n';
              case 't' -> '\t';
              case 'r' -> '\r';
              default -> e;
            });
      }
    }
    return out.toString();
  }

  private static List<String> quoted(String line) {
    List<String> out = new ArrayList<>();
    Matcher m = Pattern.compile("\"([^\"]+)\"").matcher(line);
    while (m.find()) {
      out.add(m.group(1));
    }
    return out;
  }

  private static Stream<Path> yamlFiles(String folder) {
    try (Stream<Path> files = Files.list(TestContent.dir().resolve(folder))) {
      return files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList().stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String> allLines(Path file) {
    try {
      return Files.readAllLines(file, StandardCharsets.UTF_8).stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Stream<String> lines(Path file) {
    return allLines(file).filter(l -> !l.isBlank() && !l.startsWith("#"));
  }
}
