package org.orderflow.it.support;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** The real WAR built by the web module (copied to target/deployments by the build), as Arquillian deploys it. */
public final class Deployments {

    private Deployments() {
    }

    public static WebArchive orderflowWar() {
        File war = new File(System.getProperty("it.war", "target/deployments/orderflow.war"));
        if (!war.isFile()) {
            throw new IllegalStateException("The WAR is missing: " + war.getAbsolutePath() + " (run mvn verify from the root)");
        }
        return ShrinkWrap.createFromZipFile(WebArchive.class, war);
    }
}
