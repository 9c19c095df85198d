-- MariaDB dump 10.19  Distrib 10.11.19-MariaDB, for debian-linux-gnu (x86_64)
--
-- Host: localhost    Database: film_rental
-- ------------------------------------------------------
-- Server version	10.11.19-MariaDB-0+deb12u1

/*!40101 SET @OLD_CHARACTER_SET_CLIENT=@@CHARACTER_SET_CLIENT */;
/*!40101 SET @OLD_CHARACTER_SET_RESULTS=@@CHARACTER_SET_RESULTS */;
/*!40101 SET @OLD_COLLATION_CONNECTION=@@COLLATION_CONNECTION */;
/*!40101 SET NAMES utf8mb4 */;
/*!40103 SET @OLD_TIME_ZONE=@@TIME_ZONE */;
/*!40103 SET TIME_ZONE='+00:00' */;
/*!40014 SET @OLD_UNIQUE_CHECKS=@@UNIQUE_CHECKS, UNIQUE_CHECKS=0 */;
/*!40014 SET @OLD_FOREIGN_KEY_CHECKS=@@FOREIGN_KEY_CHECKS, FOREIGN_KEY_CHECKS=0 */;
/*!40101 SET @OLD_SQL_MODE=@@SQL_MODE, SQL_MODE='NO_AUTO_VALUE_ON_ZERO' */;
/*!40111 SET @OLD_SQL_NOTES=@@SQL_NOTES, SQL_NOTES=0 */;

--
-- Current Database: `film_rental`
--

CREATE DATABASE /*!32312 IF NOT EXISTS*/ `film_rental` /*!40100 DEFAULT CHARACTER SET utf8mb4 COLLATE utf8mb4_general_ci */;

USE `film_rental`;

--
-- Table structure for table `category`
--

DROP TABLE IF EXISTS `category`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `category` (
  `category_id` tinyint(3) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(25) NOT NULL,
  PRIMARY KEY (`category_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `category`
--

LOCK TABLES `category` WRITE;
/*!40000 ALTER TABLE `category` DISABLE KEYS */;
INSERT INTO `category` VALUES (1,'Action'),(2,'Animation'),(3,'Children'),(4,'Classics'),(5,'Comedy'),(6,'Documentary'),(7,'Drama'),(8,'Family'),(9,'Foreign'),(10,'Horror'),(11,'Music'),(12,'Sci-Fi');
/*!40000 ALTER TABLE `category` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `customer`
--

DROP TABLE IF EXISTS `customer`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `customer` (
  `customer_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `first_name` varchar(45) NOT NULL,
  `last_name` varchar(45) NOT NULL,
  `email` varchar(50) DEFAULT NULL,
  `active` tinyint(1) NOT NULL DEFAULT 1,
  `rental_count` int(11) NOT NULL DEFAULT 0,
  PRIMARY KEY (`customer_id`),
  KEY `idx_last_name` (`last_name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `customer`
--

LOCK TABLES `customer` WRITE;
/*!40000 ALTER TABLE `customer` DISABLE KEYS */;
INSERT INTO `customer` VALUES (1,'Patricia','García','patricia.garcía1@example.org',1,0),(2,'Linda','Nakamura','linda.nakamura2@example.org',1,0),(3,'Élodie','Núñez','élodie.núñez3@example.org',1,0),(4,'Jürgen','Ångström','jürgen.ångström4@example.org',1,0),(5,'Søren','Yılmaz','søren.yılmaz5@example.org',1,0),(6,'Zoë','Müller','zoë.müller6@example.org',1,0),(7,'Haruto','Dubois','haruto.dubois7@example.org',1,0),(8,'Ana','Kowalski','ana.kowalski8@example.org',1,0),(9,'Bjørn','Ødegaard',NULL,1,0),(10,'Chloé','Schäfer','chloé.schäfer10@example.org',0,0),(11,'Dmitri','Johnson','dmitri.johnson11@example.org',1,0),(12,'Ingrid','O\'Brien','ingrid.obrien12@example.org',1,0),(13,'José','Løvås','josé.løvås13@example.org',1,0),(14,'Yuki','Çelik','yuki.çelik14@example.org',1,0),(15,'Fatima','D\'Amico','fatima.damico15@example.org',1,0),(16,'Noël','Smith','noël.smith16@example.org',1,0),(17,'Ólafur','García','ólafur.garcía17@example.org',1,0),(18,'Renée','Nakamura',NULL,1,0),(19,'Tomás','Núñez','tomás.núñez19@example.org',1,0),(20,'Mary','Ångström','mary.ångström20@example.org',0,0),(21,'Patricia','Yılmaz','patricia.yılmaz21@example.org',1,0),(22,'Linda','Müller','linda.müller22@example.org',1,0),(23,'Élodie','Dubois','élodie.dubois23@example.org',1,0),(24,'Jürgen','Kowalski','jürgen.kowalski24@example.org',1,0),(25,'Søren','Ødegaard','søren.ødegaard25@example.org',1,0),(26,'Zoë','Schäfer','zoë.schäfer26@example.org',1,0),(27,'Haruto','Johnson',NULL,1,0),(28,'Ana','O\'Brien','ana.obrien28@example.org',1,0),(29,'Bjørn','Løvås','bjørn.løvås29@example.org',1,0),(30,'Chloé','Çelik','chloé.çelik30@example.org',0,0),(31,'Dmitri','D\'Amico','dmitri.damico31@example.org',1,0),(32,'Ingrid','Smith','ingrid.smith32@example.org',1,0),(33,'José','García','josé.garcía33@example.org',1,0),(34,'Yuki','Nakamura','yuki.nakamura34@example.org',1,0),(35,'Fatima','Núñez','fatima.núñez35@example.org',1,0),(36,'Noël','Ångström',NULL,1,0),(37,'Ólafur','Yılmaz','ólafur.yılmaz37@example.org',1,0),(38,'Renée','Müller','renée.müller38@example.org',1,0),(39,'Tomás','Dubois','tomás.dubois39@example.org',1,0),(40,'Mary','Kowalski','mary.kowalski40@example.org',0,0),(41,'Patricia','Ødegaard','patricia.ødegaard41@example.org',1,0),(42,'Linda','Schäfer','linda.schäfer42@example.org',1,0),(43,'Élodie','Johnson','élodie.johnson43@example.org',1,0),(44,'Jürgen','O\'Brien','jürgen.obrien44@example.org',1,0),(45,'Søren','Løvås',NULL,1,0),(46,'Zoë','Çelik','zoë.çelik46@example.org',1,0),(47,'Haruto','D\'Amico','haruto.damico47@example.org',1,0),(48,'Ana','Smith','ana.smith48@example.org',1,0),(49,'Bjørn','García','bjørn.garcía49@example.org',1,0),(50,'Chloé','Nakamura','chloé.nakamura50@example.org',0,0),(51,'Dmitri','Núñez','dmitri.núñez51@example.org',1,0),(52,'Ingrid','Ångström','ingrid.ångström52@example.org',1,0),(53,'José','Yılmaz','josé.yılmaz53@example.org',1,0),(54,'Yuki','Müller',NULL,1,0),(55,'Fatima','Dubois','fatima.dubois55@example.org',1,0),(56,'Noël','Kowalski','noël.kowalski56@example.org',1,0),(57,'Ólafur','Ødegaard','ólafur.ødegaard57@example.org',1,0),(58,'Renée','Schäfer','renée.schäfer58@example.org',1,0),(59,'Tomás','Johnson','tomás.johnson59@example.org',1,0),(60,'Mary','O\'Brien','mary.obrien60@example.org',0,0),(61,'Patricia','Løvås','patricia.løvås61@example.org',1,0),(62,'Linda','Çelik','linda.çelik62@example.org',1,0),(63,'Élodie','D\'Amico',NULL,1,0),(64,'Jürgen','Smith','jürgen.smith64@example.org',1,0),(65,'Søren','García','søren.garcía65@example.org',1,0),(66,'Zoë','Nakamura','zoë.nakamura66@example.org',1,0),(67,'Haruto','Núñez','haruto.núñez67@example.org',1,0),(68,'Ana','Ångström','ana.ångström68@example.org',1,0),(69,'Bjørn','Yılmaz','bjørn.yılmaz69@example.org',1,0),(70,'Chloé','Müller','chloé.müller70@example.org',0,0),(71,'Dmitri','Dubois','dmitri.dubois71@example.org',1,0),(72,'Ingrid','Kowalski',NULL,1,0),(73,'José','Ødegaard','josé.ødegaard73@example.org',1,0),(74,'Yuki','Schäfer','yuki.schäfer74@example.org',1,0),(75,'Fatima','Johnson','fatima.johnson75@example.org',1,0),(76,'Noël','O\'Brien','noël.obrien76@example.org',1,0),(77,'Ólafur','Løvås','ólafur.løvås77@example.org',1,0),(78,'Renée','Çelik','renée.çelik78@example.org',1,0),(79,'Tomás','D\'Amico','tomás.damico79@example.org',1,0),(80,'Mary','Smith','mary.smith80@example.org',0,0);
/*!40000 ALTER TABLE `customer` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `film`
--

DROP TABLE IF EXISTS `film`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `film` (
  `film_id` smallint(5) unsigned NOT NULL AUTO_INCREMENT,
  `title` varchar(128) NOT NULL,
  `description` text DEFAULT NULL,
  `release_year` year(4) DEFAULT NULL,
  `language_id` tinyint(3) unsigned NOT NULL,
  `rental_rate` decimal(4,2) NOT NULL DEFAULT 4.99,
  `length` smallint(5) unsigned DEFAULT NULL,
  `rating` enum('G','PG','PG-13','R','NC-17') DEFAULT 'G',
  PRIMARY KEY (`film_id`),
  KEY `idx_title` (`title`),
  KEY `idx_fk_language_id` (`language_id`),
  CONSTRAINT `fk_film_language` FOREIGN KEY (`language_id`) REFERENCES `language` (`language_id`) ON UPDATE CASCADE,
  CONSTRAINT `film_length_positive` CHECK (`length` > 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `film`
--

LOCK TABLES `film` WRITE;
/*!40000 ALTER TABLE `film` DISABLE KEYS */;
INSERT INTO `film` VALUES (1,'Blue Island 1','A tab	here and a new line\nthen more',1997,2,1.99,97,'PG'),(2,'Café Quest 2','Back\\slash; DROP TABLE film; -- not a statement',2004,3,2.99,134,'PG-13'),(3,'Dinosaur Garden 3','Looks like \\N but is text, and like $$ a body $$',2011,4,3.99,171,'R'),(4,'Éternel Orchard 4','東京物語 — a journey 🎬 with “quotes” and \'apostrophes\'',2018,5,4.99,83,'NC-17'),(5,'Frozen Dragon 5','A frozen story of a river and a lagoon',1990,6,0.99,120,'G'),(6,'Golden Mirror 6','A golden story of a chamber and a quest',1997,1,1.99,157,'PG'),(7,'Hidden Bridge 7','A hidden story of a garden and a dragon',2004,2,2.99,69,'PG-13'),(8,'Iron Journey 8','A iron story of a journey and a journey',2011,3,3.99,106,'R'),(9,'Jade River 9','A jade story of a night and a passage',2018,4,4.99,143,'NC-17'),(10,'König Harbor 10','A könig story of a quest and a chamber',1990,5,0.99,180,'G'),(11,'Lonely Passage 11',NULL,1997,6,1.99,92,'PG'),(12,'Midnight Express 12','A midnight story of a express and a orchard',2004,1,2.99,129,'PG-13'),(13,'Nordic Night 13','A nordic story of a island and a bridge',2011,2,3.99,166,'R'),(14,'Orange Chamber 14','A tab	here and a new line\nthen more',2018,3,4.99,78,'NC-17'),(15,'Paper Lagoon 15','A paper story of a passage and a night',1990,4,0.99,115,'G'),(16,'Academy Affair 16','A academy story of a affair and a affair',1997,5,1.99,152,'PG'),(17,'Blue Island 17','A blue story of a dragon and a garden',2004,6,2.99,64,'PG-13'),(18,'Café Quest 18','A café story of a harbor and a mirror',2011,1,3.99,101,'R'),(19,'Dinosaur Garden 19','Back\\slash; DROP TABLE film; -- not a statement',2018,2,4.99,138,'NC-17'),(20,'Éternel Orchard 20','A éternel story of a orchard and a express',1990,3,0.99,175,'G'),(21,'Frozen Dragon 21','A frozen story of a river and a lagoon',1997,4,1.99,87,'PG'),(22,'Golden Mirror 22',NULL,2004,5,2.99,124,'PG-13'),(23,'Hidden Bridge 23','A hidden story of a garden and a dragon',2011,6,3.99,161,'R'),(24,'Iron Journey 24','A iron story of a journey and a journey',2018,1,4.99,73,'NC-17'),(25,'Jade River 25','A jade story of a night and a passage',1990,2,0.99,110,'G'),(26,'König Harbor 26','A könig story of a quest and a chamber',1997,3,1.99,147,'PG'),(27,'Lonely Passage 27','A tab	here and a new line\nthen more',2004,4,2.99,184,'PG-13'),(28,'Midnight Express 28','A midnight story of a express and a orchard',2011,5,3.99,96,'R'),(29,'Nordic Night 29','A nordic story of a island and a bridge',2018,6,4.99,133,'NC-17'),(30,'Orange Chamber 30','A orange story of a mirror and a harbor',1990,1,0.99,170,'G'),(31,'Paper Lagoon 31','A paper story of a passage and a night',1997,2,1.99,82,'PG'),(32,'Academy Affair 32','A academy story of a affair and a affair',2004,3,2.99,119,'PG-13'),(33,'Blue Island 33',NULL,2011,4,3.99,156,'R'),(34,'Café Quest 34','A café story of a harbor and a mirror',2018,5,4.99,68,'NC-17'),(35,'Dinosaur Garden 35','A dinosaur story of a lagoon and a river',1990,6,0.99,105,'G'),(36,'Éternel Orchard 36','Back\\slash; DROP TABLE film; -- not a statement',1997,1,1.99,142,'PG'),(37,'Frozen Dragon 37','A frozen story of a river and a lagoon',2004,2,2.99,179,'PG-13'),(38,'Golden Mirror 38','A golden story of a chamber and a quest',2011,3,3.99,91,'R'),(39,'Hidden Bridge 39','A hidden story of a garden and a dragon',2018,4,4.99,128,'NC-17'),(40,'Iron Journey 40','A tab	here and a new line\nthen more',1990,5,0.99,165,'G'),(41,'Jade River 41','Looks like \\N but is text, and like $$ a body $$',1997,6,1.99,77,'PG'),(42,'König Harbor 42','A könig story of a quest and a chamber',2004,1,2.99,114,'PG-13'),(43,'Lonely Passage 43','A lonely story of a bridge and a island',2011,2,3.99,151,'R'),(44,'Midnight Express 44',NULL,2018,3,4.99,63,'NC-17'),(45,'Nordic Night 45','A nordic story of a island and a bridge',1990,4,0.99,100,'G'),(46,'Orange Chamber 46','A orange story of a mirror and a harbor',1997,5,1.99,137,'PG'),(47,'Paper Lagoon 47','A paper story of a passage and a night',2004,6,2.99,174,'PG-13'),(48,'Academy Affair 48','A academy story of a affair and a affair',2011,1,3.99,86,'R'),(49,'Blue Island 49','A blue story of a dragon and a garden',2018,2,4.99,123,'NC-17'),(50,'Café Quest 50','東京物語 — a journey 🎬 with “quotes” and \'apostrophes\'',1990,3,0.99,160,'G'),(51,'Dinosaur Garden 51','A dinosaur story of a lagoon and a river',1997,4,1.99,72,'PG'),(52,'Éternel Orchard 52','A éternel story of a orchard and a express',2004,5,2.99,109,'PG-13'),(53,'Frozen Dragon 53','A tab	here and a new line\nthen more',2011,6,3.99,146,'R'),(54,'Golden Mirror 54','A golden story of a chamber and a quest',2018,1,4.99,183,'NC-17'),(55,'Hidden Bridge 55',NULL,1990,2,0.99,95,'G'),(56,'Iron Journey 56','A iron story of a journey and a journey',1997,3,1.99,132,'PG'),(57,'Jade River 57','A jade story of a night and a passage',2004,4,2.99,169,'PG-13'),(58,'König Harbor 58','A könig story of a quest and a chamber',2011,5,3.99,81,'R'),(59,'Lonely Passage 59','A lonely story of a bridge and a island',2018,6,4.99,118,'NC-17'),(60,'Midnight Express 60','Looks like \\N but is text, and like $$ a body $$',1990,1,0.99,155,'G'),(61,'Nordic Night 61','A nordic story of a island and a bridge',1997,2,1.99,67,'PG'),(62,'Orange Chamber 62','A orange story of a mirror and a harbor',2004,3,2.99,104,'PG-13'),(63,'Paper Lagoon 63','A paper story of a passage and a night',2011,4,3.99,141,'R'),(64,'Academy Affair 64','A academy story of a affair and a affair',2018,5,4.99,178,'NC-17'),(65,'Blue Island 65','A blue story of a dragon and a garden',1990,6,0.99,90,'G'),(66,'Café Quest 66',NULL,1997,1,1.99,127,'PG'),(67,'Dinosaur Garden 67','A dinosaur story of a lagoon and a river',2004,2,2.99,164,'PG-13'),(68,'Éternel Orchard 68','A éternel story of a orchard and a express',2011,3,3.99,76,'R'),(69,'Frozen Dragon 69','A frozen story of a river and a lagoon',2018,4,4.99,113,'NC-17'),(70,'Golden Mirror 70','Back\\slash; DROP TABLE film; -- not a statement',1990,5,0.99,150,'G'),(71,'Hidden Bridge 71','A hidden story of a garden and a dragon',1997,6,1.99,62,'PG'),(72,'Iron Journey 72','A iron story of a journey and a journey',2004,1,2.99,99,'PG-13'),(73,'Jade River 73','東京物語 — a journey 🎬 with “quotes” and \'apostrophes\'',2011,2,3.99,136,'R'),(74,'König Harbor 74','A könig story of a quest and a chamber',2018,3,4.99,173,'NC-17'),(75,'Lonely Passage 75','A lonely story of a bridge and a island',1990,4,0.99,85,'G'),(76,'Midnight Express 76','A midnight story of a express and a orchard',1997,5,1.99,122,'PG'),(77,'Nordic Night 77',NULL,2004,6,2.99,159,'PG-13'),(78,'Orange Chamber 78','A orange story of a mirror and a harbor',2011,1,3.99,71,'R'),(79,'Paper Lagoon 79','A tab	here and a new line\nthen more',2018,2,4.99,108,'NC-17'),(80,'Academy Affair 80','A academy story of a affair and a affair',1990,3,0.99,145,'G'),(81,'Blue Island 81','A blue story of a dragon and a garden',1997,4,1.99,182,'PG'),(82,'Café Quest 82','A café story of a harbor and a mirror',2004,5,2.99,94,'PG-13'),(83,'Dinosaur Garden 83','A dinosaur story of a lagoon and a river',2011,6,3.99,131,'R'),(84,'Éternel Orchard 84','A éternel story of a orchard and a express',2018,1,4.99,168,'NC-17'),(85,'Frozen Dragon 85','A frozen story of a river and a lagoon',1990,2,0.99,80,'G'),(86,'Golden Mirror 86','A golden story of a chamber and a quest',1997,3,1.99,117,'PG'),(87,'Hidden Bridge 87','Back\\slash; DROP TABLE film; -- not a statement',2004,4,2.99,154,'PG-13'),(88,'Iron Journey 88',NULL,2011,5,3.99,66,'R'),(89,'Jade River 89','A jade story of a night and a passage',2018,6,4.99,103,'NC-17'),(90,'König Harbor 90','A könig story of a quest and a chamber',1990,1,0.99,140,'G'),(91,'Lonely Passage 91','A lonely story of a bridge and a island',1997,2,1.99,177,'PG'),(92,'Midnight Express 92','A tab	here and a new line\nthen more',2004,3,2.99,89,'PG-13'),(93,'Nordic Night 93','A nordic story of a island and a bridge',2011,4,3.99,126,'R'),(94,'Orange Chamber 94','A orange story of a mirror and a harbor',2018,5,4.99,163,'NC-17'),(95,'Paper Lagoon 95','A paper story of a passage and a night',1990,6,0.99,75,'G'),(96,'Academy Affair 96','東京物語 — a journey 🎬 with “quotes” and \'apostrophes\'',1997,1,1.99,112,'PG'),(97,'Blue Island 97','A blue story of a dragon and a garden',2004,2,2.99,149,'PG-13'),(98,'Café Quest 98','Looks like \\N but is text, and like $$ a body $$',2011,3,3.99,61,'R'),(99,'Dinosaur Garden 99',NULL,2018,4,4.99,98,'NC-17'),(100,'Éternel Orchard 100','A éternel story of a orchard and a express',1990,5,0.99,135,'G'),(101,'Frozen Dragon 101','A frozen story of a river and a lagoon',1997,6,1.99,172,'PG'),(102,'Golden Mirror 102','A golden story of a chamber and a quest',2004,1,2.99,84,'PG-13'),(103,'Hidden Bridge 103','A hidden story of a garden and a dragon',2011,2,3.99,121,'R'),(104,'Iron Journey 104','Back\\slash; DROP TABLE film; -- not a statement',2018,3,4.99,158,'NC-17'),(105,'Jade River 105','A tab	here and a new line\nthen more',1990,4,0.99,70,'G'),(106,'König Harbor 106','A könig story of a quest and a chamber',1997,5,1.99,107,'PG'),(107,'Lonely Passage 107','A lonely story of a bridge and a island',2004,6,2.99,144,'PG-13'),(108,'Midnight Express 108','A midnight story of a express and a orchard',2011,1,3.99,181,'R'),(109,'Nordic Night 109','A nordic story of a island and a bridge',2018,2,4.99,93,'NC-17'),(110,'Orange Chamber 110',NULL,1990,3,0.99,130,'G'),(111,'Paper Lagoon 111','A paper story of a passage and a night',1997,4,1.99,167,'PG'),(112,'Academy Affair 112','A academy story of a affair and a affair',2004,5,2.99,79,'PG-13'),(113,'Blue Island 113','A blue story of a dragon and a garden',2011,6,3.99,116,'R'),(114,'Café Quest 114','A café story of a harbor and a mirror',2018,1,4.99,153,'NC-17'),(115,'Dinosaur Garden 115','A dinosaur story of a lagoon and a river',1990,2,0.99,65,'G'),(116,'Éternel Orchard 116','A éternel story of a orchard and a express',1997,3,1.99,102,'PG'),(117,'Frozen Dragon 117','Looks like \\N but is text, and like $$ a body $$',2004,4,2.99,139,'PG-13'),(118,'Golden Mirror 118','A tab	here and a new line\nthen more',2011,5,3.99,176,'R'),(119,'Hidden Bridge 119','東京物語 — a journey 🎬 with “quotes” and \'apostrophes\'',2018,6,4.99,88,'NC-17'),(120,'Iron Journey 120','A iron story of a journey and a journey',1990,1,0.99,125,'G');
/*!40000 ALTER TABLE `film` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `film_category`
--

DROP TABLE IF EXISTS `film_category`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `film_category` (
  `film_id` smallint(5) unsigned NOT NULL,
  `category_id` tinyint(3) unsigned NOT NULL,
  PRIMARY KEY (`film_id`,`category_id`),
  KEY `fk_film_category_category` (`category_id`),
  CONSTRAINT `fk_film_category_category` FOREIGN KEY (`category_id`) REFERENCES `category` (`category_id`) ON UPDATE CASCADE,
  CONSTRAINT `fk_film_category_film` FOREIGN KEY (`film_id`) REFERENCES `film` (`film_id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `film_category`
--

LOCK TABLES `film_category` WRITE;
/*!40000 ALTER TABLE `film_category` DISABLE KEYS */;
INSERT INTO `film_category` VALUES (1,2),(2,3),(3,4),(3,5),(4,5),(5,6),(6,7),(6,8),(7,8),(8,9),(9,10),(9,11),(10,11),(11,12),(12,1),(12,2),(13,2),(14,3),(15,4),(15,5),(16,5),(17,6),(18,7),(18,8),(19,8),(20,9),(21,10),(21,11),(22,11),(23,12),(24,1),(24,2),(25,2),(26,3),(27,4),(27,5),(28,5),(29,6),(30,7),(30,8),(31,8),(32,9),(33,10),(33,11),(34,11),(35,12),(36,1),(36,2),(37,2),(38,3),(39,4),(39,5),(40,5),(41,6),(42,7),(42,8),(43,8),(44,9),(45,10),(45,11),(46,11),(47,12),(48,1),(48,2),(49,2),(50,3),(51,4),(51,5),(52,5),(53,6),(54,7),(54,8),(55,8),(56,9),(57,10),(57,11),(58,11),(59,12),(60,1),(60,2),(61,2),(62,3),(63,4),(63,5),(64,5),(65,6),(66,7),(66,8),(67,8),(68,9),(69,10),(69,11),(70,11),(71,12),(72,1),(72,2),(73,2),(74,3),(75,4),(75,5),(76,5),(77,6),(78,7),(78,8),(79,8),(80,9),(81,10),(81,11),(82,11),(83,12),(84,1),(84,2),(85,2),(86,3),(87,4),(87,5),(88,5),(89,6),(90,7),(90,8),(91,8),(92,9),(93,10),(93,11),(94,11),(95,12),(96,1),(96,2),(97,2),(98,3),(99,4),(99,5),(100,5),(101,6),(102,7),(102,8),(103,8),(104,9),(105,10),(105,11),(106,11),(107,12),(108,1),(108,2),(109,2),(110,3),(111,4),(111,5),(112,5),(113,6),(114,7),(114,8),(115,8),(116,9),(117,10),(117,11),(118,11),(119,12),(120,1),(120,2);
/*!40000 ALTER TABLE `film_category` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `film_log`
--

DROP TABLE IF EXISTS `film_log`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `film_log` (
  `log_id` int(10) unsigned NOT NULL AUTO_INCREMENT,
  `film_id` smallint(5) unsigned NOT NULL,
  `note` varchar(255) NOT NULL,
  PRIMARY KEY (`log_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `film_log`
--

LOCK TABLES `film_log` WRITE;
/*!40000 ALTER TABLE `film_log` DISABLE KEYS */;
/*!40000 ALTER TABLE `film_log` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `inventory`
--

DROP TABLE IF EXISTS `inventory`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `inventory` (
  `inventory_id` mediumint(8) unsigned NOT NULL AUTO_INCREMENT,
  `film_id` smallint(5) unsigned NOT NULL,
  PRIMARY KEY (`inventory_id`),
  KEY `idx_fk_film_id` (`film_id`),
  CONSTRAINT `fk_inventory_film` FOREIGN KEY (`film_id`) REFERENCES `film` (`film_id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `inventory`
--

LOCK TABLES `inventory` WRITE;
/*!40000 ALTER TABLE `inventory` DISABLE KEYS */;
INSERT INTO `inventory` VALUES (1,8),(2,15),(3,22),(4,29),(5,36),(6,43),(7,50),(8,57),(9,64),(10,71),(11,78),(12,85),(13,92),(14,99),(15,106),(16,113),(17,120),(18,7),(19,14),(20,21),(21,28),(22,35),(23,42),(24,49),(25,56),(26,63),(27,70),(28,77),(29,84),(30,91),(31,98),(32,105),(33,112),(34,119),(35,6),(36,13),(37,20),(38,27),(39,34),(40,41),(41,48),(42,55),(43,62),(44,69),(45,76),(46,83),(47,90),(48,97),(49,104),(50,111),(51,118),(52,5),(53,12),(54,19),(55,26),(56,33),(57,40),(58,47),(59,54),(60,61),(61,68),(62,75),(63,82),(64,89),(65,96),(66,103),(67,110),(68,117),(69,4),(70,11),(71,18),(72,25),(73,32),(74,39),(75,46),(76,53),(77,60),(78,67),(79,74),(80,81),(81,88),(82,95),(83,102),(84,109),(85,116),(86,3),(87,10),(88,17),(89,24),(90,31),(91,38),(92,45),(93,52),(94,59),(95,66),(96,73),(97,80),(98,87),(99,94),(100,101),(101,108),(102,115),(103,2),(104,9),(105,16),(106,23),(107,30),(108,37),(109,44),(110,51),(111,58),(112,65),(113,72),(114,79),(115,86),(116,93),(117,100),(118,107),(119,114),(120,1),(121,8),(122,15),(123,22),(124,29),(125,36),(126,43),(127,50),(128,57),(129,64),(130,71),(131,78),(132,85),(133,92),(134,99),(135,106),(136,113),(137,120),(138,7),(139,14),(140,21),(141,28),(142,35),(143,42),(144,49),(145,56),(146,63),(147,70),(148,77),(149,84),(150,91),(151,98),(152,105),(153,112),(154,119),(155,6),(156,13),(157,20),(158,27),(159,34),(160,41),(161,48),(162,55),(163,62),(164,69),(165,76),(166,83),(167,90),(168,97),(169,104),(170,111),(171,118),(172,5),(173,12),(174,19),(175,26),(176,33),(177,40),(178,47),(179,54),(180,61),(181,68),(182,75),(183,82),(184,89),(185,96),(186,103),(187,110),(188,117),(189,4),(190,11),(191,18),(192,25),(193,32),(194,39),(195,46),(196,53),(197,60),(198,67),(199,74),(200,81),(201,88),(202,95),(203,102),(204,109),(205,116),(206,3),(207,10),(208,17),(209,24),(210,31),(211,38),(212,45),(213,52),(214,59),(215,66),(216,73),(217,80),(218,87),(219,94),(220,101),(221,108),(222,115),(223,2),(224,9),(225,16),(226,23),(227,30),(228,37),(229,44),(230,51),(231,58),(232,65),(233,72),(234,79),(235,86),(236,93),(237,100),(238,107),(239,114),(240,1),(241,8),(242,15),(243,22),(244,29),(245,36),(246,43),(247,50),(248,57),(249,64),(250,71),(251,78),(252,85),(253,92),(254,99),(255,106),(256,113),(257,120),(258,7),(259,14),(260,21),(261,28),(262,35),(263,42),(264,49),(265,56),(266,63),(267,70),(268,77),(269,84),(270,91),(271,98),(272,105),(273,112),(274,119),(275,6),(276,13),(277,20),(278,27),(279,34),(280,41),(281,48),(282,55),(283,62),(284,69),(285,76),(286,83),(287,90),(288,97),(289,104),(290,111),(291,118),(292,5),(293,12),(294,19),(295,26),(296,33),(297,40),(298,47),(299,54),(300,61);
/*!40000 ALTER TABLE `inventory` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `language`
--

DROP TABLE IF EXISTS `language`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `language` (
  `language_id` tinyint(3) unsigned NOT NULL AUTO_INCREMENT,
  `name` varchar(20) NOT NULL,
  PRIMARY KEY (`language_id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `language`
--

LOCK TABLES `language` WRITE;
/*!40000 ALTER TABLE `language` DISABLE KEYS */;
INSERT INTO `language` VALUES (1,'English'),(2,'Français'),(3,'Deutsch'),(4,'日本語'),(5,'Español'),(6,'Português');
/*!40000 ALTER TABLE `language` ENABLE KEYS */;
UNLOCK TABLES;

--
-- Table structure for table `rental`
--

DROP TABLE IF EXISTS `rental`;
/*!40101 SET @saved_cs_client     = @@character_set_client */;
/*!40101 SET character_set_client = utf8mb4 */;
CREATE TABLE `rental` (
  `rental_id` int(11) NOT NULL AUTO_INCREMENT,
  `rental_date` datetime NOT NULL,
  `inventory_id` mediumint(8) unsigned NOT NULL,
  `customer_id` smallint(5) unsigned NOT NULL,
  `return_date` datetime DEFAULT NULL,
  PRIMARY KEY (`rental_id`),
  UNIQUE KEY `rental_date` (`rental_date`,`inventory_id`,`customer_id`),
  KEY `idx_fk_customer_id` (`customer_id`),
  CONSTRAINT `fk_rental_customer` FOREIGN KEY (`customer_id`) REFERENCES `customer` (`customer_id`) ON UPDATE CASCADE,
  CONSTRAINT `fk_rental_inventory` FOREIGN KEY (`inventory_id`) REFERENCES `inventory` (`inventory_id`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_general_ci;
/*!40101 SET character_set_client = @saved_cs_client */;

--
-- Dumping data for table `rental`
--

LOCK TABLES `rental` WRITE;
/*!40000 ALTER TABLE `rental` DISABLE KEYS */;
/*!40000 ALTER TABLE `rental` ENABLE KEYS */;
UNLOCK TABLES;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_general_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50003 TRIGGER `film_rate_audit` BEFORE UPDATE ON `film` FOR EACH ROW BEGIN
    IF OLD.rental_rate <> NEW.rental_rate THEN
        -- a semicolon in a string; and $$ too
        INSERT INTO film_log (film_id, note)
            VALUES (NEW.film_id, CONCAT('rate ', OLD.rental_rate, ' -> ', NEW.rental_rate, '; was $$', OLD.title, '$$'));
    END IF;
END */;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_general_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
/*!50003 CREATE*/ /*!50003 TRIGGER `rental_counted` AFTER INSERT ON `rental` FOR EACH ROW BEGIN
    UPDATE customer SET rental_count = rental_count + 1 WHERE customer_id = NEW.customer_id;
END */;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;

--
-- Final view structure for view `film_list`
--

/*!50001 DROP VIEW IF EXISTS `film_list`*/;
/*!50001 SET @saved_cs_client          = @@character_set_client */;
/*!50001 SET @saved_cs_results         = @@character_set_results */;
/*!50001 SET @saved_col_connection     = @@collation_connection */;
/*!50001 SET character_set_client      = utf8mb4 */;
/*!50001 SET character_set_results     = utf8mb4 */;
/*!50001 SET collation_connection      = utf8mb4_general_ci */;
/*!50001 CREATE ALGORITHM=UNDEFINED */
/*!50013 SQL SECURITY DEFINER */
/*!50001 VIEW `film_list` AS select `film`.`film_id` AS `fid`,`film`.`title` AS `title`,`category`.`name` AS `category`,`film`.`rental_rate` AS `price`,`film`.`rating` AS `rating` from ((`film` join `film_category` on(`film_category`.`film_id` = `film`.`film_id`)) join `category` on(`category`.`category_id` = `film_category`.`category_id`)) */;
/*!50001 SET character_set_client      = @saved_cs_client */;
/*!50001 SET character_set_results     = @saved_cs_results */;
/*!50001 SET collation_connection      = @saved_col_connection */;

--
-- Dumping routines for database 'film_rental'
--
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_general_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
CREATE FUNCTION `films_in_stock`(p_film_id INT) RETURNS int(11)
    READS SQL DATA
BEGIN
    DECLARE copies INT;
    SELECT COUNT(*) INTO copies FROM inventory WHERE film_id = p_film_id;
    RETURN copies;
END ;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;
/*!50003 SET @saved_cs_client      = @@character_set_client */ ;
/*!50003 SET @saved_cs_results     = @@character_set_results */ ;
/*!50003 SET @saved_col_connection = @@collation_connection */ ;
/*!50003 SET character_set_client  = utf8mb4 */ ;
/*!50003 SET character_set_results = utf8mb4 */ ;
/*!50003 SET collation_connection  = utf8mb4_general_ci */ ;
/*!50003 SET @saved_sql_mode       = @@sql_mode */ ;
/*!50003 SET sql_mode              = 'STRICT_TRANS_TABLES,ERROR_FOR_DIVISION_BY_ZERO,NO_AUTO_CREATE_USER,NO_ENGINE_SUBSTITUTION' */ ;
DELIMITER ;;
CREATE PROCEDURE `rent_film`(IN p_rental_id INT, IN p_inventory_id INT, IN p_customer_id INT, IN p_when DATETIME)
    MODIFIES SQL DATA
    COMMENT 'records a rental; the trigger counts it'
BEGIN
    DECLARE film SMALLINT;
    SELECT film_id INTO film FROM inventory WHERE inventory_id = p_inventory_id;
    IF film IS NULL THEN
        SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'no such copy; check the inventory';
    END IF;
    INSERT INTO rental (rental_id, rental_date, inventory_id, customer_id, return_date)
        VALUES (p_rental_id, p_when, p_inventory_id, p_customer_id, NULL);
END ;;
DELIMITER ;
/*!50003 SET sql_mode              = @saved_sql_mode */ ;
/*!50003 SET character_set_client  = @saved_cs_client */ ;
/*!50003 SET character_set_results = @saved_cs_results */ ;
/*!50003 SET collation_connection  = @saved_col_connection */ ;
/*!40103 SET TIME_ZONE=@OLD_TIME_ZONE */;

/*!40101 SET SQL_MODE=@OLD_SQL_MODE */;
/*!40014 SET FOREIGN_KEY_CHECKS=@OLD_FOREIGN_KEY_CHECKS */;
/*!40014 SET UNIQUE_CHECKS=@OLD_UNIQUE_CHECKS */;
/*!40101 SET CHARACTER_SET_CLIENT=@OLD_CHARACTER_SET_CLIENT */;
/*!40101 SET CHARACTER_SET_RESULTS=@OLD_CHARACTER_SET_RESULTS */;
/*!40101 SET COLLATION_CONNECTION=@OLD_COLLATION_CONNECTION */;
/*!40111 SET SQL_NOTES=@OLD_SQL_NOTES */;

-- Dump completed on 2024-03-01 12:00:00
