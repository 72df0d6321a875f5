package cn.sanbao.security;

/** Creates a ready-to-use account for tests outside this package (no forced password change). */
public final class TestAccounts {

    private TestAccounts() {
    }

    public static void create(AccountService accounts, String username, String password, String role, String scope) {
        accounts.createInitial(username, "测试用户", password, role, scope, false);
    }
}
