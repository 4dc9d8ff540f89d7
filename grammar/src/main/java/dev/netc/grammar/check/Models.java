package dev.netc.grammar.check;

import dev.netc.grammar.model.Clip;
import dev.netc.grammar.model.Init;
import dev.netc.grammar.model.Optimizer;
import dev.netc.grammar.model.Regularizer;

/** Turns bound calls, checked and with defaults filled in, into the model's records. */
final class Models {
  private Models() {}

  static Init init(BoundCall<Init.Kind> call) {
    return switch (call.kind()) {
      case CONSTANT -> new Init.Constant(call.value("weights"), call.value("bias"));
      case UNIFORM -> new Init.Uniform(call.value("low"), call.value("high"), call.seed());
      case XAVIER -> new Init.Xavier(call.seed());
      case HE -> new Init.He(call.seed());
    };
  }

  static Optimizer optimizer(BoundCall<Optimizer.Kind> call) {
    return switch (call.kind()) {
      case SGD ->
          new Optimizer.Sgd(
              call.value("rate"), call.value("momentum"), call.value("nesterov") == 1);
      case ADAM ->
          new Optimizer.Adam(
              call.value("rate"), call.value("beta1"), call.value("beta2"), call.value("epsilon"));
      case RMSPROP ->
          new Optimizer.RmsProp(call.value("rate"), call.value("rho"), call.value("epsilon"));
      case ADAGRAD -> new Optimizer.AdaGrad(call.value("rate"), call.value("epsilon"));
    };
  }

  static Regularizer regularizer(BoundCall<Regularizer.Kind> call) {
    return switch (call.kind()) {
      case L2 -> new Regularizer.L2(call.value("lambda"));
    };
  }

  static Clip clip(BoundCall<Clip.Kind> call) {
    return switch (call.kind()) {
      case NORM -> new Clip.Norm(call.value("max"));
      case VALUE -> new Clip.Value(call.value("max"));
    };
  }
}
