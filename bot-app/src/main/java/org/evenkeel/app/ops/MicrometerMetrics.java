package org.evenkeel.app.ops;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.ClassLoaderMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.Locale;
import org.evenkeel.core.content.CrisisCategory;
import org.evenkeel.core.port.DispatchMetrics;
import org.evenkeel.core.port.Lane;

/**
 * Evenkeel's counts as Micrometer meters, scraped in Prometheus format from {@code /metrics}. The
 * labels are closed sets (event kind, outcome, crisis category, platform, lane, result): no
 * member's id or words can reach a label.
 *
 * <ul>
 *   <li>{@code evenkeel_turns_total{kind,outcome}} and {@code evenkeel_turn_seconds{kind}} (a
 *       histogram for latency percentiles);
 *   <li>{@code evenkeel_crisis_detections_total{category}};
 *   <li>{@code evenkeel_sends_total{platform,lane,result}};
 *   <li>{@code evenkeel_due_lag_seconds}: how late timers are claimed;
 *   <li>the JVM's memory, threads, GC, classes, CPU and uptime.
 * </ul>
 */
public final class MicrometerMetrics implements DispatchMetrics {

  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);

  public MicrometerMetrics() {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new JvmGcMetrics().bindTo(registry);
    new ClassLoaderMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    for (CrisisCategory category : CrisisCategory.values()) {
      crisisCounter(category); // every category shows, at 0, before the first detection
    }
  }

  /** The registry, for meters of other parts (adapters). */
  public MeterRegistry registry() {
    return registry;
  }

  /** Everything, in Prometheus' text format. */
  public String scrape() {
    return registry.scrape();
  }

  @Override
  public void turn(String kind, Outcome outcome, Duration took) {
    Counter.builder("evenkeel.turns")
        .description("Turns handled, by event kind and outcome")
        .tag("kind", kind)
        .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
        .register(registry)
        .increment();
    Timer.builder("evenkeel.turn")
        .description("From taking an event to handing its replies to the platform")
        .tag("kind", kind)
        .publishPercentileHistogram()
        .register(registry)
        .record(took);
  }

  @Override
  public void crisisDetected(CrisisCategory category) {
    crisisCounter(category).increment();
  }

  @Override
  public void sent(String platform, Lane lane, String result) {
    Counter.builder("evenkeel.sends")
        .description("Turns' messages handed to a platform, by result")
        .tag("platform", platform)
        .tag("lane", lane.name().toLowerCase(Locale.ROOT))
        .tag("result", result)
        .register(registry)
        .increment();
  }

  @Override
  public void dueLag(Duration lag) {
    DistributionSummary.builder("evenkeel.due.lag")
        .description("How late timers (check-ins, exercise pacing) are claimed")
        .baseUnit("seconds")
        .publishPercentiles(0.5, 0.99)
        .register(registry)
        .record(Math.max(0, lag.toMillis()) / 1000.0);
  }

  private Counter crisisCounter(CrisisCategory category) {
    return Counter.builder("evenkeel.crisis.detections")
        .description("Messages the crisis screen stopped for, by category (counts only)")
        .tag("category", category.name().toLowerCase(Locale.ROOT))
        .register(registry);
  }
}
