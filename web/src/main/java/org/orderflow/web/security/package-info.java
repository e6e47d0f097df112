/**
 * Who is calling: bearer tokens checked by Liberty's MicroProfile JWT feature, the caller (subject,
 * tenant, roles) taken from the token, the rule that a header never overrides the token, the
 * refusal of any endpoint that declares no roles, and the development issuer for local use.
 */
package org.orderflow.web.security;
