package dev.bourse.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.List;

/** IP address literals: validation without name lookups, and comparison of their normal forms. */
public final class IpAddresses
{
    private IpAddresses()
    {
    }

    /** @return the comma-separated entries of the text, trimmed, without empty ones. */
    public static List<String> parseList(final String commaSeparated)
    {
        return Arrays.stream(commaSeparated.split(",")).map(String::trim).filter(ip -> !ip.isEmpty()).toList();
    }

    /** @return whether the text is an IPv4 or IPv6 literal (never a host name). */
    public static boolean isLiteral(final String text)
    {
        return normalise(text) != null;
    }

    /** @return whether the address equals one of the allowed literals. */
    public static boolean anyMatches(final List<String> allowed, final String address)
    {
        final String normal = normalise(address);
        if (normal == null)
        {
            return false;
        }
        for (final String candidate : allowed)
        {
            if (normal.equals(normalise(candidate)))
            {
                return true;
            }
        }
        return false;
    }

    private static String normalise(final String literal)
    {
        if (!hasLiteralCharacters(literal))
        {
            return null;
        }
        try
        {
            return InetAddress.getByName(literal).getHostAddress();
        }
        catch (final UnknownHostException | SecurityException ex)
        {
            return null;
        }
    }

    private static boolean hasLiteralCharacters(final String text)
    {
        if (text == null || text.isEmpty() || text.length() > 45)
        {
            return false;
        }
        final boolean v6 = text.indexOf(':') >= 0;
        int dots = 0;
        for (int i = 0; i < text.length(); i++)
        {
            final char c = text.charAt(i);
            dots += c == '.' ? 1 : 0;
            final boolean ok = (c >= '0' && c <= '9') || c == '.' ||
                (v6 && (c == ':' || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F')));
            if (!ok)
            {
                return false;
            }
        }
        return v6 || (dots == 3 && isIpv4(text));
    }

    private static boolean isIpv4(final String text)
    {
        for (final String part : text.split("\\.", -1))
        {
            if (part.isEmpty() || part.length() > 3 || Integer.parseInt(part) > 255)
            {
                return false;
            }
        }
        return true;
    }
}
