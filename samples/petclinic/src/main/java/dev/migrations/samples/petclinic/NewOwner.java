package dev.migrations.samples.petclinic;

/**
 * The request body that registers an owner.
 *
 * @param firstName the first name
 * @param lastName the last name
 * @param address the street address
 * @param city the city
 * @param telephone the telephone number, digits only
 */
public record NewOwner(String firstName, String lastName, String address, String city, String telephone) {

}
