package org.evenkeel.bench;

import java.util.List;

/** Spread of repeated measurements. */
public final class Stats {

  private Stats() {}

  /** "mean ± sample standard deviation (min – max, n = …)". */
  public static String meanAndSpread(List<Double> values) {
    double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    double squares = values.stream().mapToDouble(v -> (v - mean) * (v - mean)).sum();
    double sd = values.size() > 1 ? Math.sqrt(squares / (values.size() - 1)) : 0;
    double min = values.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    double max = values.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    return String.format(
        "%,.0f ± %,.0f (min %,.0f, max %,.0f, n = %d)", mean, sd, min, max, values.size());
  }
}
