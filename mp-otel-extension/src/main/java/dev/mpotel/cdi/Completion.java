package dev.mpotel.cdi;

import java.lang.reflect.Method;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.function.Consumer;

/**
 * When a method's work is done: on return, on throw, or, for a method that returns a
 * {@code CompletionStage}, when that stage completes.
 */
public final class Completion {

  private Completion() {}

  /** Whether the method's result is a stage whose completion, not the return, ends its work. */
  public static boolean isAsync(Method method) {
    return CompletionStage.class.isAssignableFrom(method.getReturnType());
  }

  /**
   * Calls {@code done} once the stage completes, with the failure (unwrapped from
   * {@code CompletionException}) or {@code null}. Returns the same stage, so that identity and
   * cancellation stay the caller's.
   */
  public static Object whenComplete(Object result, Consumer<Throwable> done) {
    if (result instanceof CompletionStage) {
      ((CompletionStage<?>) result).whenComplete((value, error) -> done.accept(unwrap(error)));
    } else {
      done.accept(null);
    }
    return result;
  }

  static Throwable unwrap(Throwable error) {
    Throwable current = error;
    while ((current instanceof CompletionException || current instanceof ExecutionException) && current.getCause() != null) {
      current = current.getCause();
    }
    return current;
  }
}
