package org.evenkeel.core;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Set;

/**
 * The rules of ARCHITECTURE.md that a compiler does not check, run on bot-core's main classes: the
 * core stays free of platforms, Redis and DI; time is injected; the engine is pure.
 */
@AnalyzeClasses(
    packages = "org.evenkeel.core",
    importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

  @ArchTest
  static final ArchRule core_dependsOnlyOnTheJdkYamlAndLogging =
      classes()
          .that()
          .resideInAPackage("org.evenkeel.core..")
          .should()
          .onlyDependOnClassesThat()
          .resideInAnyPackage(
              "java..", "org.evenkeel.core..", "org.yaml.snakeyaml..", "org.slf4j..")
          .because("bot-core holds no platform, Redis or DI library (ARCHITECTURE.md, Layout)");

  @ArchTest
  static final ArchRule core_neverReadsTheSystemClock =
      noClasses()
          .that()
          .resideInAPackage("org.evenkeel.core..")
          .should()
          .callMethodWhere(readsTheSystemClock())
          .because("time is injected as a java.time.Clock, so tests move it by hand");

  @ArchTest
  static final ArchRule engine_isPure =
      noClasses()
          .that()
          .resideInAPackage("org.evenkeel.core.engine..")
          .should()
          .dependOnClassesThat()
          .resideInAnyPackage(
              "org.evenkeel.core.port..",
              "org.evenkeel.core.memory..",
              "org.evenkeel.core.dispatch..")
          .because("the engine decides turns without I/O; stores and senders sit behind ports");

  private static final Set<String> DATE_TIME_TYPES =
      Set.of(
          Instant.class.getName(),
          LocalDate.class.getName(),
          LocalDateTime.class.getName(),
          LocalTime.class.getName(),
          OffsetDateTime.class.getName(),
          ZonedDateTime.class.getName());

  /**
   * {@code Instant.now()} and its kin without a {@link Clock} argument, {@code
   * System.currentTimeMillis()}, and the system clocks themselves.
   */
  private static DescribedPredicate<JavaCall<?>> readsTheSystemClock() {
    return new DescribedPredicate<>("reads the system clock") {
      @Override
      public boolean test(JavaCall<?> call) {
        String owner = call.getTarget().getOwner().getName();
        String name = call.getTarget().getName();
        List<JavaClass> parameters = call.getTarget().getRawParameterTypes();
        if (DATE_TIME_TYPES.contains(owner) && name.equals("now")) {
          return parameters.stream().noneMatch(p -> p.isEquivalentTo(Clock.class));
        }
        if (owner.equals(System.class.getName())) {
          return name.equals("currentTimeMillis");
        }
        return owner.equals(Clock.class.getName())
            && (name.equals("systemUTC")
                || name.equals("systemDefaultZone")
                || name.equals("system"));
      }
    };
  }
}
