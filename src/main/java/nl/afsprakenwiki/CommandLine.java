package nl.afsprakenwiki;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The parsed command line: a command, its positional arguments, {@code --name value} options and
 * {@code --flag} switches. Which names take a value is declared by the caller, so that a typo is
 * reported instead of silently ignored.
 */
public final class CommandLine {

    private final String command;
    private final List<String> arguments;
    private final Map<String, String> options;
    private final Set<String> flags;

    private CommandLine(String command, List<String> arguments, Map<String, String> options, Set<String> flags) {
        this.command = command;
        this.arguments = List.copyOf(arguments);
        this.options = Map.copyOf(options);
        this.flags = Set.copyOf(flags);
    }

    public static CommandLine parse(String[] args, Set<String> valueOptions, Set<String> flagOptions) {
        String command = null;
        List<String> positional = new ArrayList<>();
        Map<String, String> options = new HashMap<>();
        Set<String> flags = new HashSet<>();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.startsWith("--") && arg.length() > 2) {
                String name = arg.substring(2);
                String inlineValue = null;
                int eq = name.indexOf('=');
                if (eq >= 0) {
                    inlineValue = name.substring(eq + 1);
                    name = name.substring(0, eq);
                }
                if (valueOptions.contains(name)) {
                    String value = inlineValue;
                    if (value == null) {
                        if (i + 1 >= args.length || args[i + 1].startsWith("--")) {
                            throw new UsageException("--" + name + " heeft een waarde nodig");
                        }
                        value = args[++i];
                    }
                    options.put(name, value);
                } else if (flagOptions.contains(name)) {
                    if (inlineValue != null) {
                        throw new UsageException("--" + name + " heeft geen waarde");
                    }
                    flags.add(name);
                } else {
                    throw new UsageException("onbekende optie --" + name);
                }
            } else if (command == null) {
                command = arg;
            } else {
                positional.add(arg);
            }
        }
        return new CommandLine(command == null ? "serve" : command, positional, options, flags);
    }

    public String command() {
        return command;
    }

    public List<String> arguments() {
        return arguments;
    }

    public String argument(int index, String description) {
        if (index >= arguments.size()) {
            throw new UsageException(command + " heeft " + description + " nodig");
        }
        return arguments.get(index);
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** A mistake in how the program was called; printed with the usage text, exit code 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
