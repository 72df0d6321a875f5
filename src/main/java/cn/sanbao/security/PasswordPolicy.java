package cn.sanbao.security;

import java.util.ArrayList;
import java.util.List;

/** Password complexity: at least 10 characters from at least 3 of 4 classes, and not the user name. */
public final class PasswordPolicy {

    public static final int MIN_LENGTH = 10;

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
        if (username != null && password.toLowerCase().contains(username.toLowerCase()))
            out.add("密码不能包含用户名");
        return out;
    }
}
