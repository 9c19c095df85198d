-- The clinic a new installation starts with: 8 vets, 4 specialties, 6 pet types,
-- 12 owners, 16 pets and 10 visits.

INSERT INTO vets (id, first_name, last_name) VALUES
    (1, 'Amara', 'Okafor'),
    (2, 'Henrik', 'Lindqvist'),
    (3, 'Lucia', 'Ferreira'),
    (4, 'Tomasz', 'Nowak'),
    (5, 'Priya', 'Raman'),
    (6, 'Samuel', 'Whitaker'),
    (7, 'Ines', 'Moreau'),
    (8, 'Kenji', 'Watanabe');

INSERT INTO specialties (id, name) VALUES
    (1, 'dentistry'),
    (2, 'dermatology'),
    (3, 'radiology'),
    (4, 'surgery');

INSERT INTO vet_specialties (vet_id, specialty_id) VALUES
    (2, 3),
    (3, 4),
    (3, 1),
    (4, 4),
    (5, 2),
    (6, 3),
    (6, 4),
    (8, 1);

INSERT INTO types (id, name) VALUES
    (1, 'bird'),
    (2, 'cat'),
    (3, 'dog'),
    (4, 'hamster'),
    (5, 'lizard'),
    (6, 'snake');

INSERT INTO owners (id, first_name, last_name, address, city, telephone) VALUES
    (1, 'Margaret', 'Ellison', '14 Orchard Lane', 'Bristol', '01179460321'),
    (2, 'Daniel', 'Kowalczyk', '8 Harbour Street', 'Leith', '01315570188'),
    (3, 'Sofia', 'Almeida', '221 Canal Road', 'Leeds', '01132459902'),
    (4, 'Oliver', 'Brennan', '3 Mill Row', 'Galway', '0915623340'),
    (5, 'Hannah', 'Schreiber', '47 Linden Avenue', 'York', '01904612277'),
    (6, 'Rafael', 'Duarte', '90 Quay Parade', 'Cardiff', '02920874415'),
    (7, 'Eleanor', 'Whitfield', '12 Chapel Close', 'Bath', '01225330761'),
    (8, 'Yusuf', 'Demir', '5 Beacon Hill', 'Sheffield', '01142961538'),
    (9, 'Clara', 'Vasquez', '66 Riverside Walk', 'Norwich', '01603227845'),
    (10, 'George', 'Pemberton', '19 Abbey Gardens', 'Durham', '01913840276'),
    (11, 'Mei', 'Lin', '31 Station Approach', 'Oxford', '01865500913'),
    (12, 'Patrick', 'O''Sullivan', '2 Castle View', 'Cork', '0214271650');

INSERT INTO pets (id, name, birth_date, type_id, owner_id) VALUES
    (1, 'Biscuit', DATE '2019-04-11', 3, 1),
    (2, 'Pepper', DATE '2021-08-02', 2, 1),
    (3, 'Nimbus', DATE '2020-01-23', 1, 2),
    (4, 'Rocco', DATE '2016-11-30', 3, 3),
    (5, 'Juniper', DATE '2022-05-17', 2, 4),
    (6, 'Sable', DATE '2018-07-09', 6, 5),
    (7, 'Tofu', DATE '2023-02-14', 4, 6),
    (8, 'Marlowe', DATE '2017-10-05', 3, 7),
    (9, 'Olive', DATE '2020-12-21', 2, 7),
    (10, 'Ziggy', DATE '2019-06-28', 5, 8),
    (11, 'Fennel', DATE '2021-03-03', 4, 9),
    (12, 'Bramble', DATE '2015-09-19', 3, 10),
    (13, 'Kiwi', DATE '2022-11-08', 1, 11),
    (14, 'Mochi', DATE '2020-04-26', 2, 11),
    (15, 'Basil', DATE '2018-02-12', 6, 12),
    (16, 'Luna', DATE '2023-07-01', 2, 12);

INSERT INTO visits (id, pet_id, visit_date, description) VALUES
    (1, 2, DATE '2024-01-15', 'annual vaccinations'),
    (2, 2, DATE '2024-06-03', 'dental check'),
    (3, 4, DATE '2024-02-20', 'limping on the left hind leg'),
    (4, 4, DATE '2024-03-05', 'follow-up x-ray'),
    (5, 6, DATE '2024-04-11', 'shedding problems'),
    (6, 8, DATE '2024-05-22', 'neutered'),
    (7, 9, DATE '2024-05-22', 'rabies shot'),
    (8, 12, DATE '2024-07-30', 'skin allergy'),
    (9, 14, DATE '2024-08-14', 'weight check'),
    (10, 16, DATE '2024-09-09', 'first vaccinations');

-- PostgreSQL: the rows above name their ids, so each identity's sequence continues after the last of them.
SELECT setval(pg_get_serial_sequence('vets', 'id'), (SELECT MAX(id) FROM vets));
SELECT setval(pg_get_serial_sequence('specialties', 'id'), (SELECT MAX(id) FROM specialties));
SELECT setval(pg_get_serial_sequence('types', 'id'), (SELECT MAX(id) FROM types));
SELECT setval(pg_get_serial_sequence('owners', 'id'), (SELECT MAX(id) FROM owners));
SELECT setval(pg_get_serial_sequence('pets', 'id'), (SELECT MAX(id) FROM pets));
SELECT setval(pg_get_serial_sequence('visits', 'id'), (SELECT MAX(id) FROM visits));
