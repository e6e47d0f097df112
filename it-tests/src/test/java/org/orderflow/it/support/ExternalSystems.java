package org.orderflow.it.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * The systems outside orderflow that its consumers talk to, up for the whole test run (the
 * server's consumers handle every test's events, not only the messaging tests'): an SMTP server
 * (GreenMail) for the notification handler and an HTTP stub for the integration handler's
 * webhook, and a payment provider stub for checkouts. Their ports are the ones the test server is configured with (it-tests/pom.xml).
 */
public class ExternalSystems implements LauncherSessionListener {

    private static GreenMail mail;
    private static WebhookStub webhook;
    private static PaymentStub payments;

    @Override
    public synchronized void launcherSessionOpened(LauncherSession session) {
        String smtpPort = System.getProperty("it.smtp.port");
        String webhookPort = System.getProperty("it.webhook.port");
        if (smtpPort == null || webhookPort == null || mail != null) {
            return; // not a failsafe run of this module (e.g. an IDE running one unit test)
        }
        mail = new GreenMail(new ServerSetup(Integer.parseInt(smtpPort), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        mail.start();
        webhook = WebhookStub.start(Integer.parseInt(webhookPort));
        payments = PaymentStub.start(Integer.parseInt(System.getProperty("it.payment.port", "9191")));
    }

    @Override
    public synchronized void launcherSessionClosed(LauncherSession session) {
        if (mail != null) {
            mail.stop();
            webhook.stop();
            payments.stop();
            payments = null;
            mail = null;
            webhook = null;
        }
    }

    public static synchronized GreenMail mail() {
        if (mail == null) {
            throw new IllegalStateException("The SMTP server is not running (it.smtp.port not set?)");
        }
        return mail;
    }

    public static synchronized PaymentStub payments() {
        if (payments == null) {
            throw new IllegalStateException("The payment provider stub is not running (it.payment.port not set?)");
        }
        return payments;
    }

    public static synchronized WebhookStub webhook() {
        if (webhook == null) {
            throw new IllegalStateException("The webhook stub is not running (it.webhook.port not set?)");
        }
        return webhook;
    }
}
