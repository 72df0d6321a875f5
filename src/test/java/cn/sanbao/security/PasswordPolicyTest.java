package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    static final String COMMON = "密码过于常见（常用密码或字典词加数字、符号），请换一个不易猜到的密码";

    @Test
    void acceptsTenCharactersFromThreeClasses() {
        assertThat(PasswordPolicy.problems("zhang", "Huangshui-Bend7")).isEmpty();
        assertThat(PasswordPolicy.problems("zhang", "tidal-moss-2021")).isEmpty();
    }

    @Test
    void refusesShortTwoClassOrNameContainingPasswords() {
        assertThat(PasswordPolicy.problems("zhang", "Nx2021!")).containsExactly("密码长度至少 10 位");
        assertThat(PasswordPolicy.problems("zhang", "tidalmoss2021")).containsExactly("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        assertThat(PasswordPolicy.problems("zhang", "Zhang-2021x")).containsExactly("密码不能包含用户名");
    }

    /** The penetration test signed in with Passw0rd!!; decorated dictionary words are refused the same way. */
    @Test
    void refusesCommonPasswordsEvenWithDigitsSymbolsAndLookAlikes() {
        assertThat(PasswordPolicy.problems("zhang", "Passw0rd!!")).containsExactly(COMMON);
        for (String p : new String[] {"Password2024", "P@ssw0rd-2021", "Admin@12345", "Qwerty!2345", "1qaz@WSX3edc",
                "Woaini-1314520", "Iloveyou-99", "Welcome#2021", "Ningxia@2021", "QwertyQwerty1!"})
            assertThat(PasswordPolicy.problems("zhang", p)).as(p).containsExactly(COMMON);
    }

    @Test
    void refusesTheProductName() {
        assertThat(PasswordPolicy.problems("zhang", "Sanbao-2021x")).containsExactly("密码不能包含产品名称（sanbao、三保）");
        assertThat(PasswordPolicy.problems("zhang", "我的三保密码Ab1")).contains("密码不能包含产品名称（sanbao、三保）");
    }

    @Test
    void generatedAdministratorPasswordsMeetThePolicy() {
        for (int i = 0; i < 50; i++) assertThat(PasswordPolicy.problems("admin", InitialAccounts.generated())).isEmpty();
    }
}
