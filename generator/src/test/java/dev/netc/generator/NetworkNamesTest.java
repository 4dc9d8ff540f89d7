package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;

import dev.netc.grammar.FrontEndResult;
import dev.netc.grammar.NetcFrontEnd;
import dev.netc.grammar.check.JavaNames;
import dev.netc.grammar.model.Network;
import dev.netc.grammar.source.SourceFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The checker's naming rules against the generated code: a network may take any name the checker
 * accepts, including every type name its generated class uses, and its class still compiles without
 * warnings. A name that would hide a {@code java.lang} class the code uses must be one the checker
 * rejects ({@link JavaNames#hidesGeneratedCodeName}).
 */
class NetworkNamesTest {
  private static final Pattern COMMENT_OR_STRING =
      Pattern.compile("//[^\n]*|/\\*.*?\\*/|\"(?:\\\\.|[^\"\\\\])*\"", Pattern.DOTALL);
  private static final Pattern TYPE_LIKE = Pattern.compile("\\b[A-Z][A-Za-z0-9_]*\\b");

  private static boolean isJavaLangClass(String name) {
    try {
      Class.forName("java.lang." + name, false, NetworkNamesTest.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException e) {
      return false;
    }
  }

  /** Each capitalised identifier of the golden networks' code, with a network whose code has it. */
  private static Map<String, Network> namesInGeneratedCode() throws IOException {
    Map<String, Network> names = new LinkedHashMap<>();
    for (Path nn : GoldenFilesTest.cases()) {
      FrontEndResult result =
          NetcFrontEnd.check(
              new SourceFile(
                  nn.getFileName().toString(), Files.readString(nn, StandardCharsets.UTF_8)));
      for (Network network : result.model().orElseThrow().networks()) {
        String code =
            COMMENT_OR_STRING
                .matcher(NetcCompiler.generate(network, "").javaSource())
                .replaceAll(" ");
        Matcher m = TYPE_LIKE.matcher(code);
        while (m.find()) {
          if (!m.group().equals(network.name())) {
            names.putIfAbsent(m.group(), network);
          }
        }
      }
    }
    return names;
  }

  @Test
  void everyJavaLangClassTheGeneratedCodeNamesIsReservedByTheChecker() throws IOException {
    List<String> unreserved = new ArrayList<>();
    for (String name : namesInGeneratedCode().keySet()) {
      if (isJavaLangClass(name) && !JavaNames.hidesGeneratedCodeName(name)) {
        unreserved.add(name);
      }
    }
    assertThat(unreserved).isEmpty();
  }

  @Test
  void everyOtherNameOfTheGeneratedCodeCanNameANetwork() throws IOException {
    List<Network> renamed = new ArrayList<>();
    for (Map.Entry<String, Network> e : namesInGeneratedCode().entrySet()) {
      String name = e.getKey();
      if (!JavaNames.hidesGeneratedCodeName(name) && JavaNames.classNameProblem(name) == null) {
        // Each in its own package: a class of the same package would shadow a java.lang class for
        // all others (JLS 6.4.1), which the first test rules out.
        Network n = e.getValue();
        renamed.add(
            new Network(
                name,
                Optional.of("names.n_" + name),
                n.sourceName(),
                n.inputShape(),
                n.features(),
                n.layers(),
                n.loss(),
                n.init(),
                n.optimizer(),
                n.regularizer(),
                n.clip(),
                n.precision(),
                n.span()));
      }
    }
    assertThat(renamed.size()).isAtLeast(10);
    // One javac call, -Xlint:all -Werror: every class compiles without a warning.
    Compiled.of(renamed);
  }
}
