package nl.afsprakenwiki;

import nl.afsprakenwiki.access.Author;
import nl.afsprakenwiki.access.InvalidInput;
import nl.afsprakenwiki.access.NotFound;
import nl.afsprakenwiki.accounts.Account;
import nl.afsprakenwiki.accounts.AccountService;
import nl.afsprakenwiki.accounts.ApiTokens;
import nl.afsprakenwiki.web.Texts;

import java.io.PrintStream;
import java.util.function.Supplier;

/**
 * The account commands of the command line: {@code user add|passwd|disable|enable} and
 * {@code token create}. Passwords come from standard input (one line), never from arguments,
 * so they do not end up in the shell history or the process list.
 */
public final class AccountCommands {

    private final AccountService accounts;
    private final ApiTokens tokens;
    private final Texts texts;
    private final PrintStream out;
    private final PrintStream err;
    private final Supplier<String> password;
    private final Author actor;

    /**
     * @param password reads the password (from standard input or, at a terminal, without echo);
     *                 null when there is nothing to read
     */
    public AccountCommands(AccountService accounts, ApiTokens tokens, Texts texts, PrintStream out, PrintStream err,
                           Supplier<String> password, Author actor) {
        this.accounts = accounts;
        this.tokens = tokens;
        this.texts = texts;
        this.out = out;
        this.err = err;
        this.password = password;
        this.actor = actor;
    }

    /** Runs {@code user …}; the exit code. */
    public int user(CommandLine line) {
        String action = line.argument(0, "een actie (add, passwd, disable of enable)");
        String username = line.argument(1, "een gebruikersnaam");
        return switch (action) {
            case "add" -> add(username, line);
            case "passwd" -> passwd(username);
            case "disable" -> disabled(username, true);
            case "enable" -> disabled(username, false);
            default -> throw new CommandLine.UsageException("onbekende actie 'user " + action + "'");
        };
    }

    /** Runs {@code token …}; the exit code. Prints only the token on standard output. */
    public int token(CommandLine line) {
        String action = line.argument(0, "een actie (create)");
        if (!action.equals("create")) {
            throw new CommandLine.UsageException("onbekende actie 'token " + action + "'");
        }
        String username = line.argument(1, "een gebruikersnaam");
        Account account = accounts.byUsername(username).orElse(null);
        if (account == null) {
            err.println("Fout: er is geen account '" + username + "'.");
            return 1;
        }
        if (account.disabled()) {
            err.println("Fout: account '" + account.username() + "' is geblokkeerd; een sleutel zou niet werken.");
            return 1;
        }
        try {
            ApiTokens.CreatedToken created = tokens.createToken(account.username(),
                    line.option("label").orElse("Opdrachtregel"), actor);
            out.println(created.token());
            err.println("API-sleutel '" + created.listing().label() + "' aangemaakt voor " + account.username()
                    + ". Bewaar hem nu: hij wordt niet nog eens getoond.");
            return 0;
        } catch (InvalidInput e) {
            return invalid(e);
        }
    }

    private int add(String username, CommandLine line) {
        String name = line.option("name").orElseThrow(() -> new CommandLine.UsageException("user add heeft --name nodig"));
        String secret = readPassword();
        if (secret == null) {
            return 1;
        }
        try {
            Account account = accounts.create(new AccountService.NewAccount(username, name, line.option("email").orElse(""),
                    line.option("organisation").orElse(""), line.flag("admin"), secret), actor);
            out.println("Account '" + account.username() + "' aangemaakt" + (account.admin() ? " (beheerder)." : "."));
            return 0;
        } catch (InvalidInput e) {
            return invalid(e);
        }
    }

    private int passwd(String username) {
        if (accounts.byUsername(username).isEmpty()) {
            err.println("Fout: er is geen account '" + username + "'.");
            return 1;
        }
        String secret = readPassword();
        if (secret == null) {
            return 1;
        }
        try {
            accounts.setPassword(username, null, secret, actor, null);
            out.println("Wachtwoord van '" + AccountService.normalise(username) + "' gewijzigd; wie ermee was ingelogd, is uitgelogd.");
            return 0;
        } catch (InvalidInput e) {
            return invalid(e);
        }
    }

    private int disabled(String username, boolean disabled) {
        try {
            accounts.setDisabled(username, disabled, actor);
        } catch (NotFound e) {
            err.println("Fout: er is geen account '" + username + "'.");
            return 1;
        }
        out.println(disabled
                ? "Account '" + AccountService.normalise(username) + "' geblokkeerd; inloggen en API-sleutels werken niet meer."
                : "Account '" + AccountService.normalise(username) + "' is weer actief.");
        return 0;
    }

    private String readPassword() {
        String secret = password == null ? null : password.get();
        if (secret == null || secret.isEmpty()) {
            err.println("Fout: geef het wachtwoord op standaardinvoer, bijvoorbeeld: "
                    + "printf '%s\\n' \"$WACHTWOORD\" | java -jar afsprakenwiki.jar user …");
            return null;
        }
        return secret;
    }

    private int invalid(InvalidInput e) {
        e.errors().forEach(error -> err.println("Fout (" + error.field() + "): " + texts.message(error)));
        return 1;
    }
}
