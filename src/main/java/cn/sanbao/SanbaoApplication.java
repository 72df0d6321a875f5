package cn.sanbao;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SanbaoApplication {
    public static void main(String[] args) {
        SpringApplication.run(SanbaoApplication.class, args);
    }
}
