package dev.layerstudio.cli;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/**
 * The sub-commands, in the order help lists them. A run builds picocli's model only of
 * the sub-commands its arguments name: building all nineteen (reflection over every
 * option, their converters, their descriptions) cost each start about a tenth of a
 * second, a fifth of a quick command's time. A run that names none, or asks for help,
 * gets them all, so usage, help and suggestions for a mistyped name are complete.
 */
final class Subcommands {

    static final List<Class<?>> ALL = List.of(HelpCommand.class, LoginCommand.class, AccountsCommand.class,
            BuildCommand.class, ProjectCommand.class, InspectCommand.class, TestInLambdaCommand.class, DiffCommand.class,
            LayersCommand.class, PublishCommand.class, AttachCommand.class, UsageCommand.class,
            InventoryCommand.class, UpgradeCommand.class, ShareCommand.class, DeleteCommand.class,
            ExportCommand.class, SandboxCommand.class, RecoverCommand.class);

    private Subcommands() {
    }

    /**
     * Adds to {@code root} every sub-command whose name appears among {@code args} (a
     * profile that happens to share a command's name only adds one more), or all of them.
     */
    static CommandLine register(CommandLine root, String... args) {
        Set<String> words = new HashSet<>(Arrays.asList(args));
        List<Class<?>> named = ALL.stream().filter(c -> words.contains(name(c))).toList();
        boolean all = named.isEmpty() || named.contains(HelpCommand.class);
        for (Class<?> command : all ? ALL : named) {
            root.addSubcommand(command);
        }
        return root;
    }

    static String name(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }
}
