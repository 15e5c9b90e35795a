package org.evenkeel.app.content;

import static org.evenkeel.core.text.Checks.requireValue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.evenkeel.core.content.Content;
import org.evenkeel.core.content.ContentException;
import org.evenkeel.core.content.ContentProblem;
import org.evenkeel.core.content.ContentSource;
import org.evenkeel.core.content.load.ContentLoader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Content hot reload: looks at the content directory every so often and, when any file in it
 * changed (a digest of every file's path and bytes, so an editor's save, a {@code git pull} or a
 * swapped symlink are all seen, on any filesystem), loads and validates it again. Valid content is
 * put in force for the next turns ({@link ContentSource#replace}: members inside a flow finish the
 * version they began while its wording exists); invalid content is refused with the whole problem
 * list in the log, and the content in force keeps serving. The same broken content is reported
 * once, not on every look.
 *
 * <p>The safety screen and the intents follow the content in force by themselves (see {@link
 * org.evenkeel.core.safety.ContentSafetyScreen}). The platforms' command menus are registered at
 * start only: a changed menu shows after a restart.
 */
public final class ContentReloader implements AutoCloseable {

  private static final Logger log = LoggerFactory.getLogger(ContentReloader.class);

  private static final String UNREADABLE = "unreadable";

  private final Path dir;
  private final ContentSource source;
  private String digest;
  private ScheduledExecutorService loop;

  /** A reloader of {@code dir} into {@code source}, which holds what {@code dir} held now. */
  public ContentReloader(Path dir, ContentSource source) {
    this.dir = requireValue(dir, "dir");
    this.source = requireValue(source, "source");
    this.digest = digestQuietly();
  }

  /** Looks every {@code interval} on a daemon thread until closed. */
  public synchronized void start(Duration interval) {
    if (loop != null) {
      throw new IllegalStateException("content reloader already started");
    }
    loop =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "evenkeel-content-reload");
              t.setDaemon(true);
              return t;
            });
    long every = interval.toMillis();
    loop.scheduleWithFixedDelay(this::checkSafely, every, every, TimeUnit.MILLISECONDS);
  }

  /**
   * Looks once: reloads when the files changed since the last look.
   *
   * @return what happened
   */
  public synchronized Outcome check() {
    String now;
    try {
      now = digest();
    } catch (UncheckedIOException e) {
      if (!digest.equals(UNREADABLE)) {
        log.warn("cannot read the content directory {}; the content in force keeps serving", dir);
        digest = UNREADABLE;
      }
      return Outcome.UNCHANGED;
    }
    if (now.equals(digest)) {
      return Outcome.UNCHANGED;
    }
    digest = now;
    Content content;
    try {
      content = ContentLoader.load(dir);
    } catch (ContentException e) {
      List<ContentProblem> problems = e.problems();
      log.warn(
          "content in {} changed but is not valid; the content in force keeps serving. {}",
          dir,
          e.getMessage());
      return new Outcome.Refused(problems);
    }
    source.replace(content);
    log.info(
        "content reloaded from {}: {} flows, {} locales",
        dir,
        content.flows().size(),
        content.messages().locales().size());
    return Outcome.RELOADED;
  }

  private void checkSafely() {
    try {
      check();
    } catch (RuntimeException e) {
      log.warn("content reload failed; trying again on the next look", e);
    }
  }

  /** A digest of every regular file under the directory: its relative path and its bytes. */
  private String digest() {
    MessageDigest sha;
    try {
      sha = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    try (Stream<Path> walk = Files.walk(dir)) {
      List<Path> files = walk.filter(Files::isRegularFile).sorted().toList();
      for (Path file : files) {
        sha.update(
            dir.relativize(file).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        sha.update((byte) 0);
        sha.update(Files.readAllBytes(file));
        sha.update((byte) 0);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the content directory " + dir, e);
    }
    return HexFormat.of().formatHex(sha.digest());
  }

  private String digestQuietly() {
    try {
      return digest();
    } catch (UncheckedIOException e) {
      return UNREADABLE;
    }
  }

  @Override
  public synchronized void close() {
    if (loop != null) {
      loop.shutdownNow();
      loop = null;
    }
  }

  /** What one look found. */
  public sealed interface Outcome {
    /** Nothing changed since the last look. */
    Outcome UNCHANGED = new Unchanged();

    /** New content is in force. */
    Outcome RELOADED = new Reloaded();

    /** Nothing changed. */
    record Unchanged() implements Outcome {}

    /** The changed content is in force. */
    record Reloaded() implements Outcome {}

    /**
     * The changed content is not valid; the content in force keeps serving.
     *
     * @param problems everything wrong with it
     */
    record Refused(List<ContentProblem> problems) implements Outcome {}
  }
}
