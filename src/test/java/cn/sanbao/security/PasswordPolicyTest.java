package cn.sanbao.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    @Test
    void acceptsTenCharactersFromThreeClasses() {
        assertThat(PasswordPolicy.problems("zhang", "Ningxia2021")).isEmpty();
        assertThat(PasswordPolicy.problems("zhang", "ningxia-2021")).isEmpty();
    }

    @Test
    void refusesShortTwoClassOrNameContainingPasswords() {
        assertThat(PasswordPolicy.problems("zhang", "Nx2021!")).containsExactly("密码长度至少 10 位");
        assertThat(PasswordPolicy.problems("zhang", "ningxia2021")).containsExactly("密码须包含大写字母、小写字母、数字、符号中的至少三类");
        assertThat(PasswordPolicy.problems("zhang", "Zhang-2021x")).containsExactly("密码不能包含用户名");
    }

    @Test
    void generatedAdministratorPasswordsMeetThePolicy() {
        for (int i = 0; i < 50; i++) assertThat(PasswordPolicy.problems("admin", InitialAccounts.generated())).isEmpty();
    }
}
