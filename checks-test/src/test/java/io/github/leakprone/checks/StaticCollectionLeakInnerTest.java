package io.github.leakprone.checks;

import com.google.errorprone.CompilationTestHelper;
import org.junit.jupiter.api.Test;

/**
 * Growth and removal through a part of the container: an inner collection ({@code
 * ROOMS.computeIfAbsent(room, ...).add(session)}), a view ({@code keySet()}, {@code values()},
 * {@code entrySet()}, {@code iterator()}), and locals or loop variables that hold one.
 */
final class StaticCollectionLeakInnerTest {

  private final CompilationTestHelper helper =
      LeakStubs.addTo(CompilationTestHelper.newInstance(StaticCollectionLeak.class, getClass()));

  @Test
  void innerCollectionGrowsOnOpen() {
    helper
        .addSourceLines(
            "Rooms.java",
            """
            import java.util.Map;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Rooms {
              private static final Map<String, Set<Session>> ROOMS = new ConcurrentHashMap<>();
              private static final Map<String, Set<Session>> LOBBIES = new ConcurrentHashMap<>();
              private String room;

              @OnOpen
              public void onOpen(Session session) {
                room = session.getId().substring(0, 4);
                ROOMS.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
                // BUG: Diagnostic contains: LOBBIES grows in onOpen (@OnOpen) but onClose
                LOBBIES.computeIfAbsent(room, r -> ConcurrentHashMap.newKeySet()).add(session);
              }

              @OnClose
              public void onClose(Session session) {
                ROOMS.get(room).remove(session);
              }
            }
            """)
        .doTest();
  }

  @Test
  void innerRemovalThroughLocalsLoopsAndLambdas() {
    helper
        .addSourceLines(
            "Topics.java",
            """
            import java.util.HashSet;
            import java.util.Map;
            import java.util.Set;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Topics {
              private static final Map<String, Set<Session>> BY_LOCAL = new ConcurrentHashMap<>();
              private static final Map<String, Set<Session>> BY_LOOP = new ConcurrentHashMap<>();
              private static final Map<String, Set<Session>> BY_LAMBDA = new ConcurrentHashMap<>();
              private static final Map<String, Set<Session>> BY_ENTRY = new ConcurrentHashMap<>();

              @OnOpen
              public void onOpen(Session session) {
                Set<Session> set = BY_LOCAL.get("t");
                if (set == null) {
                  set = new HashSet<>();
                  BY_LOCAL.put("t", set);
                }
                set.add(session);
                BY_LOOP.computeIfAbsent(session.getId(), k -> new HashSet<>()).add(session);
                BY_LAMBDA.computeIfAbsent(session.getId(), k -> new HashSet<>()).add(session);
                BY_ENTRY.computeIfAbsent(session.getId(), k -> new HashSet<>()).add(session);
              }

              @OnClose
              public void onClose(Session session) {
                Set<Session> set = BY_LOCAL.get("t");
                if (set != null) {
                  set.remove(session);
                }
                for (Set<Session> sessions : BY_LOOP.values()) {
                  sessions.remove(session);
                }
                BY_LAMBDA.values().forEach(sessions -> sessions.remove(session));
                for (Map.Entry<String, Set<Session>> entry : BY_ENTRY.entrySet()) {
                  entry.getValue().remove(session);
                }
              }
            }
            """)
        .doTest();
  }

  @Test
  void removalThroughViewsAndIterators() {
    helper
        .addSourceLines(
            "Views.java",
            """
            import java.util.Iterator;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Views {
              private static final Map<Session, String> BY_KEY_SET = new ConcurrentHashMap<>();
              private static final Map<Session, String> BY_VALUES = new ConcurrentHashMap<>();
              private static final Map<Session, String> BY_ENTRY_SET = new ConcurrentHashMap<>();
              private static final Map<Session, String> BY_ITERATOR = new ConcurrentHashMap<>();
              private static final Map<Session, String> BY_REFCOUNT = new ConcurrentHashMap<>();

              @OnOpen
              public void onOpen(Session session) {
                BY_KEY_SET.put(session, "a");
                BY_VALUES.put(session, session.getId());
                BY_ENTRY_SET.put(session, "a");
                BY_ITERATOR.put(session, "a");
                BY_REFCOUNT.merge(session, "a", String::concat);
              }

              @OnClose
              public void onClose(Session session) {
                BY_KEY_SET.keySet().remove(session);
                BY_VALUES.values().remove(session.getId());
                BY_ENTRY_SET.entrySet().removeIf(e -> e.getKey() == session);
                for (Iterator<Session> it = BY_ITERATOR.keySet().iterator(); it.hasNext(); ) {
                  if (it.next() == session) {
                    it.remove();
                  }
                }
                BY_REFCOUNT.computeIfPresent(session, (s, v) -> v.length() <= 1 ? null : v.substring(1));
              }
            }
            """)
        .doTest();
  }

  @Test
  void innerRemovalElsewhereIsNoExcuseForTheCloseHandler() {
    helper
        .addSourceLines(
            "Channels.java",
            """
            import java.util.List;
            import java.util.Map;
            import java.util.concurrent.ConcurrentHashMap;
            import java.util.concurrent.CopyOnWriteArrayList;
            import javax.websocket.OnClose;
            import javax.websocket.OnOpen;
            import javax.websocket.Session;

            class Channels {
              private static final Map<String, List<Session>> SUBSCRIBERS = new ConcurrentHashMap<>();

              @OnOpen
              public void onOpen(Session session) {
                // BUG: Diagnostic contains: removes only in kick(), not in the close handler
                SUBSCRIBERS.computeIfAbsent("news", k -> new CopyOnWriteArrayList<>()).add(session);
              }

              @OnClose
              public void onClose(Session session) {}

              public void kick(Session session) {
                SUBSCRIBERS.get("news").remove(session);
              }
            }
            """)
        .doTest();
  }
}
