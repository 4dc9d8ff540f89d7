package dev.netc.generator.emit;

import com.palantir.javapoet.ArrayTypeName;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import dev.netc.generator.plan.LayerPlan;
import dev.netc.generator.plan.NetworkPlan;
import dev.netc.generator.plan.ParameterLayer;
import dev.netc.grammar.model.Network;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import javax.lang.model.element.Modifier;

/**
 * What every emitter of one class shares: the plan, the element type and its literals, the
 * optimizer's code, and the types and small builders used in several kinds of member.
 */
final class EmitContext {
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName ARRAYS = ClassName.get("java.util", "Arrays");
  static final TypeName VIEWS = ParameterizedTypeName.get(LIST, RuntimeTypes.PARAMETER_TENSOR);
  static final TypeName STRINGS = ParameterizedTypeName.get(LIST, ClassName.get(String.class));
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ArrayTypeName DOUBLES = ArrayTypeName.of(TypeName.DOUBLE);

  /** {@code double[][]}: the rows of the batch and chunk methods' parameters. */
  static final ArrayTypeName DOUBLE_ROWS = ArrayTypeName.of(DOUBLES);

  final NetworkPlan plan;
  final Network network;
  final Arith arith;
  final OptimizerCode optimizer;
  final Expressions expressions;
  final DeclaredBlocks declared;
  final ClassName self;

  /** The element type, {@code double} or {@code float}. */
  final TypeName element;

  /** {@code double[]} or {@code float[]}. */
  final TypeName elements;

  EmitContext(NetworkPlan plan) {
    this.plan = plan;
    this.network = plan.network();
    this.arith = new Arith(network.precision(), plan.floatExp());
    this.optimizer = new OptimizerCode(network.optimizer(), arith);
    this.expressions = new Expressions(arith);
    this.declared = new DeclaredBlocks(arith);
    this.self = ClassName.get(plan.packageName(), plan.className());
    this.element = arith.isFloat() ? TypeName.FLOAT : TypeName.DOUBLE;
    this.elements = ArrayTypeName.of(element);
  }

  /** The dense layers' plans, in order. */
  List<LayerPlan> layers() {
    return plan.layers();
  }

  /** The plans of the layers with parameters, in order: convolution, then dense. */
  List<ParameterLayer> parameterLayers() {
    return plan.parameterLayers();
  }

  /**
   * The hyper-parameters that the generated class can change, with the file's values: the
   * optimizer's, then {@code lambda} of l2 and the {@code clip} bound.
   */
  Map<String, Double> hyperparameters() {
    Map<String, Double> values = optimizer.hyperparameters();
    network
        .regularizer()
        .ifPresent(r -> values.put("lambda", ((dev.netc.grammar.model.Regularizer.L2) r).lambda()));
    network.clip().ifPresent(c -> values.put("clip", c.max()));
    return values;
  }

  /** The type of a weight-shaped array: flat, or one array per column for looped layers. */
  TypeName weights(ParameterLayer p) {
    return p.columns() ? ArrayTypeName.of(elements) : elements;
  }

  /** {@code double[32]} or {@code double[784][128]} (columns of W). */
  CodeBlock allocation(ParameterLayer p) {
    return p.columns()
        ? CodeBlock.of("$T[$L][$L]", element, p.inputs(), p.units())
        : CodeBlock.of("$T[$L]", element, p.weightCount());
  }

  /** Sets a weight-shaped array to zero. */
  CodeBlock fillWeights(ParameterLayer p, String array) {
    if (p.columns()) {
      return CodeBlock.builder()
          .beginControlFlow("for ($T column : $N)", elements, array)
          .addStatement("$T.fill(column, $L)", ARRAYS, arith.lit(0.0))
          .endControlFlow()
          .build();
    }
    return CodeBlock.of("$T.fill($N, $L);\n", ARRAYS, array, arith.lit(0.0));
  }

  /**
   * {@code for j: a = x[j]; arrayj = array[j]; for i: statement} over the columns of looped layer
   * {@code p}, skipping the columns whose input is 0 if the plan says so; {@code statement} uses
   * {@code a}, {@code i} and the column {@code <array>j}.
   */
  CodeBlock overColumns(LayerPlan p, String x, String array, String statement) {
    return overColumns(p, 0, x, array, statement);
  }

  /** As {@link #overColumns(LayerPlan, String, String, String)}, from column {@code from} on. */
  CodeBlock overColumns(LayerPlan p, int from, String x, String array, String statement) {
    CodeBlock.Builder code =
        CodeBlock.builder()
            .beginControlFlow("for (int j = $L; j < $L; j++)", from, p.inputs())
            .addStatement("final $T a = $N[j]", element, x);
    if (p.skipsZeroInputs()) {
      code.beginControlFlow("if (a == $L)", arith.lit(0.0))
          .addStatement("continue")
          .endControlFlow();
    }
    return code.addStatement("final $T $Nj = $N[j]", elements, array, array)
        .beginControlFlow("for (int i = 0; i < $L; i++)", p.units())
        .addStatement("$L", statement)
        .endControlFlow()
        .endControlFlow()
        .build();
  }

  /**
   * {@code for j (by columns): a0 = x[j], ...; arrayj0 = array[j], ... for each array; for i:
   * statements} over the first {@code inputs - inputs % columns} columns of looped layer {@code p},
   * {@code columns} columns per pass over i: the statements of column {@code c} use {@code a<c>},
   * {@code i} and the columns {@code <array>j<c>}, after the statements {@code first} of each i
   * (which load what all columns share: the compiler cannot keep an array element in a register
   * across stores into other arrays of the same type, which might be the same array). Returns the
   * first column not covered, for a loop of one column per pass that takes the rest.
   */
  int overColumnGroups(
      LayerPlan p,
      String x,
      List<String> arrays,
      int columns,
      CodeBlock first,
      IntFunction<CodeBlock> statements,
      CodeBlock.Builder code) {
    int main = p.inputs() - p.inputs() % columns;
    if (main == 0) {
      return 0;
    }
    code.beginControlFlow("for (int j = 0; j < $L; j += $L)", main, columns);
    for (int c = 0; c < columns; c++) {
      code.addStatement("final $T a$L = $N[$L]", element, c, x, c == 0 ? "j" : "j + " + c);
    }
    for (String array : arrays) {
      for (int c = 0; c < columns; c++) {
        code.addStatement(
            "final $T $Nj$L = $N[$L]", elements, array, c, array, c == 0 ? "j" : "j + " + c);
      }
    }
    code.beginControlFlow("for (int i = 0; i < $L; i++)", p.units()).add(first);
    for (int c = 0; c < columns; c++) {
      code.add(statements.apply(c));
    }
    code.endControlFlow().endControlFlow();
    return main;
  }

  /** A public method that implements one of {@code CompiledNetwork}'s. */
  static MethodSpec.Builder override(String name, TypeName returns) {
    return MethodSpec.methodBuilder(name)
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(returns);
  }

  /** A private method. */
  static MethodSpec.Builder internal(String name) {
    return MethodSpec.methodBuilder(name).addModifiers(Modifier.PRIVATE);
  }

  /** {@code // text} as a code block. */
  static CodeBlock comment(String text) {
    return CodeBlock.of("// $L\n", text);
  }
}
