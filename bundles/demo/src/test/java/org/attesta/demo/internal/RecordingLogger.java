package org.attesta.demo.internal;

import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.osgi.service.log.Logger;

/** Records what is logged through an OSGi {@link Logger}, with the placeholders filled in. */
final class RecordingLogger {

    record Entry(String level, String message, Throwable exception) {
    }

    final List<Entry> entries = new CopyOnWriteArrayList<>();

    Logger logger() {
        return (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(), new Class<?>[] {Logger.class},
                (proxy, method, args) -> {
                    String name = method.getName();
                    if (name.startsWith("is")) {
                        return true;
                    }
                    if (name.equals("getName")) {
                        return "test";
                    }
                    if (args != null && args[0] instanceof String format) {
                        record(name, format, arguments(args));
                    }
                    return null;
                });
    }

    List<Entry> at(String level) {
        return entries.stream().filter(entry -> entry.level().equals(level)).toList();
    }

    String all() {
        StringBuilder text = new StringBuilder();
        for (Entry entry : entries) {
            text.append(entry.level()).append(' ').append(entry.message()).append('\n');
            if (entry.exception() != null) {
                text.append(entry.exception()).append('\n');
            }
        }
        return text.toString();
    }

    private static Object[] arguments(Object[] args) {
        if (args.length == 2 && args[1] instanceof Object[] varargs) {
            return varargs;
        }
        Object[] rest = new Object[args.length - 1];
        System.arraycopy(args, 1, rest, 0, rest.length);
        return rest;
    }

    /** As the OSGi Logger does, a Throwable in the last place is the exception, not a message argument. */
    private void record(String level, String format, Object[] arguments) {
        int count = arguments.length;
        Throwable exception = count > 0 && arguments[count - 1] instanceof Throwable t ? t : null;
        if (exception != null) {
            count--;
        }
        StringBuilder message = new StringBuilder();
        int used = 0;
        int from = 0;
        for (int at = format.indexOf("{}"); at >= 0 && used < count; at = format.indexOf("{}", from)) {
            message.append(format, from, at).append(arguments[used++]);
            from = at + 2;
        }
        message.append(format.substring(from));
        entries.add(new Entry(level, message.toString(), exception));
    }
}
