package nl.afsprakenwiki.db;

import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;
import java.util.function.Predicate;

/** A walk through a failure, everything that caused it and everything it suppressed, each once. */
final class Causes {

    private Causes() {
    }

    /** True when {@code test} holds for {@code failure} or anything that caused it or was suppressed by it. */
    static boolean any(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> todo = new ArrayDeque<>();
        if (failure != null) {
            todo.push(failure);
        }
        while (!todo.isEmpty()) {
            Throwable next = todo.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (test.test(next)) {
                return true;
            }
            if (next.getCause() != null) {
                todo.push(next.getCause());
            }
            for (Throwable suppressed : next.getSuppressed()) {
                todo.push(suppressed);
            }
        }
        return false;
    }
}
