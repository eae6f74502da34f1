package corpus.errors;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.core.AppenderBase;
import java.util.*;

/** Records WARN/ERROR events logged by libraries while a scenario runs: "message\nClass: msg\n..." (no frames). */
public class CaptureAppender extends AppenderBase<ILoggingEvent> {
  public record Logged(String logger, String level, String text) {}
  static final List<Logged> EVENTS = Collections.synchronizedList(new ArrayList<>());
  @Override protected void append(ILoggingEvent e) {
    if (!e.getLevel().isGreaterOrEqual(Level.WARN) || e.getLoggerName().equals("app")) return;
    StringBuilder sb = new StringBuilder(e.getFormattedMessage() == null ? "" : e.getFormattedMessage());
    Set<IThrowableProxy> seen = new HashSet<>();
    for (IThrowableProxy t = e.getThrowableProxy(); t != null && seen.add(t); t = t.getCause())
      sb.append('\n').append(t.getClassName()).append(t.getMessage() == null ? "" : ": " + t.getMessage());
    EVENTS.add(new Logged(e.getLoggerName(), e.getLevel().toString(), sb.toString()));
  }
  static List<Logged> drain() { synchronized (EVENTS) { List<Logged> l = new ArrayList<>(EVENTS); EVENTS.clear(); return l; } }
}
