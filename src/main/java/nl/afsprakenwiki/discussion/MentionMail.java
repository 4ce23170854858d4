package nl.afsprakenwiki.discussion;

import nl.afsprakenwiki.access.Viewer;
import nl.afsprakenwiki.agreements.Agreement;
import nl.afsprakenwiki.notifications.Letter;
import nl.afsprakenwiki.notifications.NotificationKind;
import nl.afsprakenwiki.notifications.Outbox;
import nl.afsprakenwiki.notifications.Recipients;
import nl.afsprakenwiki.web.Paths;
import org.jdbi.v3.core.Handle;

import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Tells the people a comment mentions ({@code @gebruikersnaam}), in the transaction of the comment.
 * Only accounts that may read the discussion are told: members of the agreement's koppelzone and
 * beheerders; a name of nobody (or of someone outside) stays plain text and tells no one. The author
 * is not told of their own mention; a person is told once per comment, also when an edit mentions
 * them again. The mail names the agreement and links to the discussion; the comment's text stays in
 * the wiki, where it can still be edited.
 */
public final class MentionMail {

    /** {@code @name} not inside a word or an e-mail address; usernames as {@code AccountService.USERNAME}. */
    private static final Pattern MENTION = Pattern.compile("(?<![\\p{L}\\p{N}_.@-])@([a-zA-Z0-9][a-zA-Z0-9._-]{1,39})");
    private static final String MAY_READ = "a.is_admin = 1 OR " + Recipients.roleIn("koppelzone",
            "lezer", "praktijkexpert", "voorzitter", "manager");

    private final Outbox outbox;

    public MentionMail(Outbox outbox) {
        this.outbox = outbox;
    }

    /** The usernames {@code text} mentions, lower case, in order, each once. */
    static Set<String> names(String text) {
        Set<String> names = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(text);
        while (matcher.find()) {
            // a sentence's full stop or comma after the name is no part of it
            names.add(matcher.group(1).replaceAll("[._-]+$", "").toLowerCase(Locale.ROOT));
        }
        return names;
    }

    void notify(Handle handle, Agreement agreement, String title, long commentId, Viewer author, String text) {
        Set<String> names = names(text);
        if (names.isEmpty()) {
            return;
        }
        var recipients = Recipients.where(handle, "a.username IN (<names>) AND a.id <> :author AND ("
                + MAY_READ + ")", Map.of("names", names, "author", author.accountId(), "koppelzone", agreement.koppelzone().id()));
        for (Outbox.Recipient to : recipients) {
            Letter letter = Letter.in(outbox.texts(to.language()), "mail.mention.subject", author.displayName(), title)
                    .paragraph("mail.greeting", to.displayName())
                    .paragraph("mail.mention.body", author.displayName(), title, agreement.koppelzone().name())
                    .action("mail.mention.action", outbox.link(Paths.agreement(agreement.id(), "/discussie") + "#opmerking-" + commentId))
                    .footer("mail.footer").build();
            outbox.enqueue(handle, "comment:" + commentId + ":mention", NotificationKind.MENTIONED.code(), to, letter);
        }
    }
}
