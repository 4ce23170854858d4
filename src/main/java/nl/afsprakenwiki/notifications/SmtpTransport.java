package nl.afsprakenwiki.notifications;

import jakarta.activation.DataHandler;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Date;
import java.util.Properties;

/**
 * Hands one mail to the SMTP server through Jakarta Mail (Eclipse Angus): a plain-text and an HTML
 * part as alternatives. Returns when the server accepted the message, throws when it did not.
 */
final class SmtpTransport {

    private static final String TIMEOUT_MS = "20000";

    private final MailSettings settings;
    private final Clock clock;
    private final Session session;
    private final String protocol;

    SmtpTransport(MailSettings settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
        this.protocol = settings.tls() == Tls.TLS ? "smtps" : "smtp";
        Properties properties = new Properties();
        String prefix = "mail." + protocol + ".";
        properties.put(prefix + "host", settings.host());
        properties.put(prefix + "port", String.valueOf(settings.port()));
        properties.put(prefix + "connectiontimeout", TIMEOUT_MS);
        properties.put(prefix + "timeout", TIMEOUT_MS);
        properties.put(prefix + "writetimeout", TIMEOUT_MS);
        properties.put(prefix + "auth", String.valueOf(!settings.user().isEmpty()));
        if (settings.tls() == Tls.STARTTLS) {
            properties.put(prefix + "starttls.enable", "true");
            // never fall back to plain text when the server does not offer STARTTLS
            properties.put(prefix + "starttls.required", "true");
        }
        if (settings.tls() != Tls.NONE) {
            properties.put(prefix + "ssl.checkserveridentity", "true");
        }
        this.session = Session.getInstance(properties);
    }

    /**
     * Sends one mail; {@code outboxId} goes along in a header, so a copy can be traced to its row. With
     * an unsubscribe address the RFC 8058 headers let a mail client offer one-click unsubscribe; an
     * attachment (null: none) goes after the text.
     */
    void send(long outboxId, String to, String subject, String text, String html, String unsubscribeUrl,
              Letter.Attachment attachment)
            throws MessagingException {
        MimeMessage message = new MimeMessage(session);
        message.setFrom(new InternetAddress(settings.from()));
        message.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        message.setSubject(subject, StandardCharsets.UTF_8.name());
        message.setSentDate(Date.from(clock.instant()));
        // RFC 3834: sent by a program, so auto-responders do not answer it
        message.setHeader("Auto-Submitted", "auto-generated");
        message.setHeader("X-Afsprakenwiki-Outbox", String.valueOf(outboxId));
        if (unsubscribeUrl != null) {
            message.setHeader("List-Unsubscribe", "<" + unsubscribeUrl + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MimeBodyPart plain = new MimeBodyPart();
        plain.setText(text, StandardCharsets.UTF_8.name());
        MimeBodyPart rich = new MimeBodyPart();
        rich.setText(html, StandardCharsets.UTF_8.name(), "html");
        MimeMultipart alternatives = new MimeMultipart("alternative");
        alternatives.addBodyPart(plain);
        alternatives.addBodyPart(rich);
        if (attachment == null) {
            message.setContent(alternatives);
        } else {
            MimeBodyPart body = new MimeBodyPart();
            body.setContent(alternatives);
            MimeBodyPart file = new MimeBodyPart();
            file.setDataHandler(new DataHandler(new ByteArrayDataSource(
                    attachment.content().getBytes(StandardCharsets.UTF_8), attachment.type())));
            file.setFileName(attachment.name());
            MimeMultipart mixed = new MimeMultipart("mixed");
            mixed.addBodyPart(body);
            mixed.addBodyPart(file);
            message.setContent(mixed);
        }
        message.saveChanges();
        try (Transport transport = session.getTransport(protocol)) {
            transport.connect(settings.host(), settings.port(), settings.user().isEmpty() ? null : settings.user(),
                    settings.user().isEmpty() ? null : settings.password());
            transport.sendMessage(message, message.getAllRecipients());
        }
    }
}
