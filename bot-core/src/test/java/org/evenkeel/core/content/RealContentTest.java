package org.evenkeel.core.content;

import static org.assertj.core.api.Assertions.assertThat;

import org.evenkeel.core.content.load.ContentLoader;
import org.evenkeel.core.testing.TestContent;
import org.junit.jupiter.api.Test;

class RealContentTest {

  @Test
  void projectContent_hasNoProblems() {
    assertThat(ContentLoader.check(TestContent.dir())).isEmpty();
  }

  @Test
  void projectContent_hasEveryFlowTheEngineStarts() {
    Content content = TestContent.load();
    for (String flow : RequiredMessages.FLOWS) {
      assertThat(content.flow(flow)).as(flow).isPresent();
    }
  }
}
