package dev.netc.generator.emit;

import static com.google.common.truth.Truth.assertThat;

import com.palantir.javapoet.ClassName;
import org.junit.jupiter.api.Test;

/** Every runtime type the generator names resolves against the runtime on the test classpath. */
class RuntimeTypesTest {
  @Test
  void everyNameResolves() throws ClassNotFoundException {
    assertThat(RuntimeTypes.ALL).hasSize(8);
    for (ClassName name : RuntimeTypes.ALL) {
      Class<?> type = Class.forName(name.reflectionName());
      assertThat(type.getCanonicalName()).isEqualTo(name.canonicalName());
    }
  }
}
