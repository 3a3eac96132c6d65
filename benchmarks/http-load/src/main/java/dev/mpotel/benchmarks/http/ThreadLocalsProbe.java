package dev.mpotel.benchmarks.http;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.ref.Reference;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.TreeMap;

/**
 * A diagnostic, not part of the load: {@code GET /hello/probe/threadlocals} describes the thread-local map of the
 * request thread that serves it (slots, live and stale entries, how far the live ones sit from their home slot, and
 * what they hold). A plain servlet, so that it adds nothing to the Jakarta REST application under load. Needs
 * {@code java.base/java.lang} open to the application, which WildFly's launch scripts do.
 */
@WebServlet("/probe/threadlocals")
public class ThreadLocalsProbe extends HttpServlet {

  @Override
  protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
    response.setContentType("text/plain");
    PrintWriter out = response.getWriter();
    try {
      describe(Thread.currentThread(), out);
    } catch (ReflectiveOperationException | RuntimeException e) {
      out.println("cannot read the thread-local map: " + e);
    }
  }

  private static void describe(Thread thread, PrintWriter out) throws ReflectiveOperationException {
    Object map = field(Thread.class, "threadLocals").get(thread);
    if (map == null) {
      out.println(thread.getName() + ": no thread-local map");
      return;
    }
    Object[] table = (Object[]) field(map.getClass(), "table").get(map);
    Field hash = field(ThreadLocal.class, "threadLocalHashCode");
    Field value = null;
    int live = 0;
    int stale = 0;
    long displacement = 0;
    Map<String, Integer> kinds = new TreeMap<>();
    for (int i = 0; i < table.length; i++) {
      Object entry = table[i];
      if (entry == null) {
        continue;
      }
      if (value == null) {
        value = field(entry.getClass(), "value");
      }
      Object key = ((Reference<?>) entry).get();
      if (key == null) {
        stale++;
        continue;
      }
      live++;
      int home = hash.getInt(key) & (table.length - 1);
      displacement += (i - home + table.length) % table.length;
      Object held = value.get(entry);
      kinds.merge(key.getClass().getName() + " -> " + (held == null ? "null" : held.getClass().getName()), 1, Integer::sum);
    }
    out.printf("%s: %d slots, %d live, %d stale, mean displacement of live entries %.2f%n", thread.getName(), table.length, live, stale,
        live == 0 ? 0.0 : (double) displacement / live);
    kinds.forEach((kind, count) -> out.println(count + "\t" + kind));
  }

  private static Field field(Class<?> type, String name) throws NoSuchFieldException {
    Field field = type.getDeclaredField(name);
    field.setAccessible(true);
    return field;
  }
}
