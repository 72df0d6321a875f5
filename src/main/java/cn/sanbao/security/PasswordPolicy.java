package cn.sanbao.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Password rules: at least 10 characters from at least 3 of 4 classes, not the user name, not the
 * product name, and not a common or dictionary password (list in security/common-passwords.txt).
 */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

    /** Product names a password must not contain (case-insensitive). */
    private static final List<String> PRODUCT_NAMES = List.of("sanbao", "三保");

    private static final Set<String> COMMON = load();

    private PasswordPolicy() {
    }

    /** The reasons a password is refused, in Chinese; empty when it is acceptable. */
    public static List<String> problems(String username, String password) {
        List<String> out = new ArrayList<>();
        if (password == null || password.length() < MIN_LENGTH) out.add("密码长度至少 " + MIN_LENGTH + " 位");
        if (password == null) return out;
        int classes = 0;
        if (password.chars().anyMatch(Character::isUpperCase)) classes++;
        if (password.chars().anyMatch(Character::isLowerCase)) classes++;
        if (password.chars().anyMatch(Character::isDigit)) classes++;
        if (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c))) classes++;
        if (classes < 3) out.add("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        String lower = password.toLowerCase(Locale.ROOT);
        if (username != null && !username.isBlank() && lower.contains(username.toLowerCase(Locale.ROOT)))
            out.add("密码不能包含用户名");
        if (PRODUCT_NAMES.stream().anyMatch(lower::contains)) out.add("密码不能包含产品名称（sanbao、三保）");
        else if (isCommon(password)) out.add("密码过于常见（常用密码或字典词加数字、符号），请换一个不易猜到的密码");
        return out;
    }

    /**
     * True when the password is a listed word once decorations are removed: leading and trailing digits and
     * symbols dropped, look-alike characters mapped back (0→o, 1→i, 3→e, 4→a, 5→s, 7→t, @→a, $→s), then only
     * letters kept. "Passw0rd!!", "P@ssword2024" and "1qaz2wsx" all match.
     */
    static boolean isCommon(String password) {
        String s = password.toLowerCase(Locale.ROOT).replaceAll("^[^\\p{L}]+|[^\\p{L}]+$", "");
        StringBuilder mapped = new StringBuilder(), plain = new StringBuilder();
        for (char c : s.toCharArray()) {
            char m = switch (c) {
                case '0' -> 'o'; case '1' -> 'i'; case '3' -> 'e'; case '4', '@' -> 'a'; case '5', '$' -> 's'; case '7' -> 't';
                default -> c;
            };
            if (Character.isLetter(m)) mapped.append(m);
            if (Character.isLetter(c)) plain.append(c);
        }
        // look-alikes mapped ("P@ssw0rd") or simply dropped (keyboard walks such as "1qaz@WSX3edc")
        return listed(mapped.toString()) || listed(plain.toString());
    }

    /** A listed word, nothing at all, or a listed word typed twice ("qwertyqwerty"). */
    private static boolean listed(String w) {
        if (w.isEmpty() || COMMON.contains(w)) return true;
        int half = w.length() / 2;
        return w.length() % 2 == 0 && w.substring(0, half).equals(w.substring(half)) && COMMON.contains(w.substring(0, half));
    }

    private static Set<String> load() {
        Set<String> out = new HashSet<>();
        try (InputStream in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            if (in == null) throw new IllegalStateException("缺少常用密码表 security/common-passwords.txt");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                String w = line.strip().toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}]", "");
                if (!line.startsWith("#") && !w.isEmpty()) out.add(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Set.copyOf(out);
    }
}
