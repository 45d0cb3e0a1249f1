package dev.stagekit.smoke.mvc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A user's Spring MVC application as it would be written: the starter, Spring MVC and Actuator on the
 * classpath, nothing configured by hand.
 */
@SpringBootApplication
public class MvcApplication {

	public static void main(String[] args) {
		SpringApplication.run(MvcApplication.class, args);
	}

}
