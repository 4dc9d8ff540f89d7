package dev.netc.generator;

import static com.google.common.truth.Truth.assertThat;

import dev.netc.grammar.diag.DiagnosticKind;
import dev.netc.grammar.model.Activation;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.source.SourceFile;
import dev.netc.runtime.network.CompiledNetwork;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NetcCompilerTest {
  static final String IRIS =
      "package com.example;\n"
          + "network IrisNet {\n  input 4;\n  dense 8 tanh;\n  dense 3 softmax;\n"
          + "  loss cross_entropy;\n}\n";

  @Test
  void generatesOneClassPerNetworkWithItsPath() {
    CompileResult result =
        NetcCompiler.compile(
            List.of(
                new CompileInput(
                    new SourceFile(
                        "iris.nn",
                        IRIS
                            + "network Other {\n  input 2;\n  dense 1 sigmoid;\n"
                            + "  loss binary_cross_entropy;\n}\n"),
                    Optional.empty())));
    assertThat(result.hasErrors()).isFalse();
    assertThat(result.classes()).hasSize(2);
    assertThat(result.classes().get(0).qualifiedName()).isEqualTo("com.example.IrisNet");
    assertThat(result.classes().get(0).relativePath()).isEqualTo("com/example/IrisNet.java");
    assertThat(result.classes().get(1).relativePath()).isEqualTo("com/example/Other.java");
  }

  @Test
  void theDefaultPackageAppliesOnlyWithoutAPackageDeclaration() {
    CompileResult result =
        NetcCompiler.compile(
            List.of(
                new CompileInput(
                    new SourceFile(
                        "a.nn",
                        "network A {\n  input 1;\n  dense 1 linear;\n"
                            + "  loss squared_error;\n}\n"),
                    Optional.of("org.acme"))));
    assertThat(result.classes().get(0).qualifiedName()).isEqualTo("org.acme.A");
    assertThat(result.classes().get(0).javaSource()).contains("package org.acme;");
  }

  @Test
  void aFileWithErrorsProducesNoJava() {
    CompileResult result =
        NetcCompiler.compile(
            List.of(
                new CompileInput(
                    new SourceFile("bad.nn", IRIS.replace("tanh", "tahn")), Optional.empty()),
                new CompileInput(
                    new SourceFile("good.nn", IRIS.replace("IrisNet", "Good")), Optional.empty())));
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.classes()).hasSize(1);
    assertThat(result.classes().get(0).qualifiedName()).isEqualTo("com.example.Good");
    assertThat(result.diagnostics().get(0).source().name()).isEqualTo("bad.nn");
  }

  @Test
  void twoFilesGeneratingTheSameClassAreAnError() {
    CompileResult result =
        NetcCompiler.compile(
            List.of(
                new CompileInput(new SourceFile("a/iris.nn", IRIS), Optional.empty()),
                new CompileInput(new SourceFile("b/iris.nn", "\n\n" + IRIS), Optional.empty())));
    assertThat(result.hasErrors()).isTrue();
    assertThat(result.classes()).hasSize(1);
    assertThat(result.diagnostics()).hasSize(1);
    var d = result.diagnostics().get(0);
    assertThat(d.kind()).isEqualTo(DiagnosticKind.DUPLICATE_NETWORK);
    assertThat(d.source().name()).isEqualTo("b/iris.nn");
    assertThat(d.line()).isEqualTo(4);
    assertThat(d.message()).contains("com.example.IrisNet");
    assertThat(d.message()).contains("a/iris.nn:2:");
  }

  @Test
  void checkAppliesTheRulesAcrossFilesAndGivesTheNetworksWithTheirPackages() {
    CheckResult result =
        NetcCompiler.check(
            List.of(
                new CompileInput(new SourceFile("a/iris.nn", IRIS), Optional.empty()),
                new CompileInput(new SourceFile("b/iris.nn", "\n\n" + IRIS), Optional.empty()),
                new CompileInput(
                    new SourceFile("c.nn", IRIS.replace("package com.example;\n", "")),
                    Optional.of("org.acme"))));
    assertThat(result.networks().stream().map(CheckResult.Checked::qualifiedName).toList())
        .containsExactly("com.example.IrisNet", "org.acme.IrisNet")
        .inOrder();
    assertThat(result.diagnostics()).hasSize(1);
    var d = result.diagnostics().get(0);
    assertThat(d.kind()).isEqualTo(DiagnosticKind.DUPLICATE_NETWORK);
    assertThat(d.source().name()).isEqualTo("b/iris.nn");
    assertThat(d.message())
        .isEqualTo(
            "network 'IrisNet' generates class com.example.IrisNet,"
                + " which the network at a/iris.nn:2:9 also generates; rename one of them or give their"
                + " files different packages");
  }

  @Test
  void generatingANetworkWithAReservedNameIsAProgrammingError() {
    var math = Nets.network("Math", 2).dense(1, Activation.SIGMOID).build();
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> NetcCompiler.generate(math, ""));
    assertThat(e).hasMessageThat().contains("would hide java.lang.Math");
  }

  @Test
  void networkNamesThatWouldHideJavaLangClassesAreErrors() {
    CompileResult result =
        NetcCompiler.compile(
            List.of(
                new CompileInput(
                    new SourceFile("math.nn", IRIS.replace("IrisNet", "Math")), Optional.empty())));
    assertThat(result.classes()).isEmpty();
    assertThat(result.diagnostics()).hasSize(1);
    assertThat(result.diagnostics().get(0).kind()).isEqualTo(DiagnosticKind.INVALID_NETWORK_NAME);
    assertThat(result.diagnostics().get(0).message()).contains("would hide java.lang.Math");
    assertThat(result.diagnostics().get(0).line()).isEqualTo(2);
  }

  @Test
  void sameSeedSameParametersDifferentSeedsDiffer() {
    Compiled compiled =
        Compiled.of(
            Nets.network("Seed1", 6)
                .dense(5, Activation.TANH)
                .dense(300, Activation.SIGMOID)
                .init(new Init.Xavier(1))
                .build(),
            Nets.network("Seed1Again", 6)
                .dense(5, Activation.TANH)
                .dense(300, Activation.SIGMOID)
                .init(new Init.Xavier(1))
                .build(),
            Nets.network("Seed2", 6)
                .dense(5, Activation.TANH)
                .dense(300, Activation.SIGMOID)
                .init(new Init.Xavier(2))
                .build());
    CompiledNetwork a = compiled.create("Seed1");
    CompiledNetwork b = compiled.create("Seed1Again");
    CompiledNetwork c = compiled.create("Seed2");
    for (int p = 0; p < a.parameters().size(); p += 2) {
      assertThat(b.parameters().get(p).toArray()).isEqualTo(a.parameters().get(p).toArray());
      assertThat(c.parameters().get(p).toArray()).isNotEqualTo(a.parameters().get(p).toArray());
    }
    double[] before = a.parameters().get(2).toArray();
    a.trainStep(new double[] {1, 2, 3, 4, 5, 6}, new double[300]);
    assertThat(a.parameters().get(2).toArray()).isNotEqualTo(before);
    a.initialize();
    assertThat(a.parameters().get(2).toArray()).isEqualTo(before);
    assertThat(a.optimizerSteps()).isEqualTo(0);
  }

  @Test
  void hyperparametersCanBeChangedAndUnknownNamesAreRejected() {
    Compiled compiled = Compiled.of(Nets.network("Hyper", 2).dense(2, Activation.TANH).build());
    CompiledNetwork net = compiled.create("Hyper");
    assertThat(net.hyperparameterNames()).containsExactly("rate");
    assertThat(net.learningRate()).isEqualTo(0.01);
    net.setLearningRate(0.5);
    assertThat(net.learningRate()).isEqualTo(0.5);
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> net.setHyperparameter("momentum", 0.9));
    assertThat(e).hasMessageThat().contains("Hyper has no hyper-parameter 'momentum'");
    IllegalArgumentException size =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> net.predict(new double[3]));
    assertThat(size).hasMessageThat().isEqualTo("Hyper: input has 3 values, expected 2");
  }
}
