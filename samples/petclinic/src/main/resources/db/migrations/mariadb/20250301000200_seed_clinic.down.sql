DELETE FROM visits;
DELETE FROM pets;
DELETE FROM owners;
DELETE FROM types;
DELETE FROM vet_specialties;
DELETE FROM specialties;
DELETE FROM vets;
