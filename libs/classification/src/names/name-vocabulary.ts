/**
 * Token sets shared by the name rules and the context logic. All tokens are canonical (see
 * tokenize.ts): "clients" and "customer" are both "customer".
 */

function set(words: string): ReadonlySet<string> {
  return new Set(words.split(/\s+/).filter((w) => w !== ''));
}

/** Words naming a natural person (in a column or a table name). */
export const PERSON_TOKENS = set(`
patient customer user employee agent student member person contact child beneficiary doctor spouse
parent pere father mere mother tuteur tutrice guardian responsable representant gerant manager referent interlocuteur
titulaire holder proprietaire owner locataire candidat candidate applicant prospect donateur donor benevole volunteer
infirmier infirmiere nurse soignant prescripteur prescriber auteur author redacteur signataire signer declarant
demandeur requester electeur voter citoyen citizen habitant resident residant passager passenger voyageur traveler
traveller conducteur driver chauffeur acheteur buyer destinataire recipient expediteur sender temoin witness victime
victim defunt deceased enseignant teacher professeur formateur trainer stagiaire intern apprenti apprentice
consultant freelance assure insured souscripteur subscriber abonne allocataire usager famille family foyer
household naissance deces mariage epoux conjoints staff personnel rh hr shopper guest visitor visiteur
athlete joueur player licencie adherent eleves etudiant mineur minor majeur debiteur debtor creditor
president presidente tresorier tresoriere secretaire directeur directrice dirigeant dirigeante elu elue maire
officier officer
emprunteur borrower garant guarantor coemprunteur heritier heir
`);

/** Neutral words allowed around a bare keyword by "only" patterns ("cp_client", "age_patient"). */
export const FILLER_TOKENS = set(`
de du des la le les d l of the a an en et and par for pour
principal principale main primary secondaire secondary second perso personnel personal pro professionnel
professional work travail home domicile maison fixe prive private actuel actuelle current new nouveau nouvelle old
ancien ancienne value valeur val txt text str field col c f x pers usuel usual complet full 1 2 3 4 5 0 declare
declared saisi renseigne brut raw clair plain original at a au aux
`);

/** Qualifiers saying the attribute belongs to an organisation or a thing, not a person. */
export const ORG_QUALIFIERS = set(`
produit product products article item sku fichier file table colonne column champ field schema base database db
serveur server host hote machine application app logiciel software projet project categorie category marque brand
modele model fournisseur supplier vendor fabricant manufacturer societe company entreprise enterprise firm
organisation organization org association asso etablissement establishment ecole school college lycee universite
university hopital hospital clinique clinic magasin store shop boutique entrepot warehouse depot site agence agency
branch succursale bureau office siege headquarters banque bank equipe team groupe group role tag
label libelle document doc salle room batiment building lot batch campagne campaign evenement event
formation cours course matiere subject domaine domain reseau network raison sociale denomination enseigne
service unite unit pole direction division departement filiale subsidiary partenaire partner plateforme platform
canal channel source flux feed template modele theme jeu game film movie musique music livre book chanson song
album piste track media playlist menu plat dish recette recipe ingredient animal chien dog chat cat cheval horse
espece species variete variety navire flight station gare aeroport airport parking
machine equipement equipment materiel asset appareil device outil tool variable parametre param option config setting
cookie session file queue job tache task
`);

/** Place words: "nom_ville" or "nom_rue" name a place, not a person. */
export const PLACE_TOKENS = set(`
commune ville city rue street pays country region departement dept lieu place quartier secteur zone territoire
localite arrondissement canton voie avenue boulevard
`);

/** Tokens of aggregated statistics: a mean age is not a person's age. */
export const STAT_TOKENS = set(`
avg moyenne moyen mean average median mediane sum somme min max minimum maximum stddev ecart variance pct percent
pourcentage distribution histogram quartile percentile
`);

/**
 * Tokens turning an identifier into metadata about it: "email_verified", "has_phone", "phone_type",
 * "date_changement_adresse" describe the identifier without containing it.
 */
export const FLAG_TOKENS = set(`
is has flag id verified verifie valid valide validated confirmed confirme optin opt consent consentement enabled
actif active bool boolean indicator indicateur exists present missing manquant known connu allowed autorise
accepte accepted bounce bounced unsubscribed desabonne status statut type format count nb nombre cnt qty
quantite domain domaine provider template pattern regex mask masque length len longueur changed updated modified
maj date at time timestamp ts on when since depuis expiry expiration expire validite validity issue delivrance
emission autorite authority lieu country pays attempt attempts
tentative tentatives failed echec success reussi policy politique preference preferences
opted subscribed abonnement newsletter sms marketing notification notifications visible hidden
masque prefix prefixe indicatif extension poste ext suffix digits chiffres level niveau score version
`);

/** Table-name tokens of tables that describe things or organisations. */
export const NONPERSON_DATASET_TOKENS = set(`
product produit products produits article articles item items catalog catalogue sku stock stocks inventory inventaire
warehouse warehouses entrepot entrepots depot depots store stores magasin magasins shop boutique supplier suppliers
fournisseur fournisseurs vendor vendors company companies societe societes entreprise entreprises organisation
organisations organization organizations etablissement etablissements site sites agence agences branch branches
category categories categorie categories tarif tarifs price prices prix currency devise devises tax taxe taxes
equipment equipement equipements materiel asset assets server servers serveur serveurs host hosts machine machines
room rooms salle salles lit lits bed beds batiment batiments building buildings film films movie movies book books
livre livres song songs album albums track tracks media medias job jobs offre offres vacancy vacancies poste postes
commune communes city cities ville villes country countries pays region regions departement departements
partenaire partenaires partner partners service services unite unites unit units pole poles association
associations asso assos club clubs medicament medicaments
drug drugs vaccin vaccins molecule molecules piece pieces route routes ligne
lignes station stations
`);

/** Table-name tokens of reference tables and nomenclatures: their codes describe no one. */
export const REFERENCE_DATASET_TOKENS = set(`
ref referentiel referentiels reference references nomenclature nomenclatures lookup lookups dictionnaire dictionary
lexique thesaurus taxonomy taxonomie param parametre parametres parameter parameters setting settings config
configuration enum enums codification codes type types
`);

/** Table-name tokens of aggregated tables: statistics describe groups, not persons. */
export const AGGREGATE_DATASET_TOKENS = set(`
stat stats statistique statistiques statistic statistics agg aggregate aggregates aggregat agregat summary summaries
synthese kpi kpis indicateur indicateurs dashboard tableau rapport report reports reporting cube datamart mart
total totaux count counts histogram
`);

/** Tokens of known non-personal concepts; they weaken value-only evidence that lacks a checksum. */
export const NONPERSONAL_CONCEPT_TOKENS = set(`
montant amount price prix cout cost tarif total ht ttc tva vat remise discount fee frais solde balance quantite
quantity qty stock sku ean gtin upc isbn asin lot batch serial serie order commande invoice facture transaction
ticket created updated modified deleted inserted creation modification timestamp ts version build release hash
checksum crc md5 sha1 sha256 uuid guid token nonce product produit article item categorie category
reference ref langue language lang locale currency devise unite unit poids weight taille size dimension longueur
width height hauteur largeur volume capacite capacity duree duration delai delay
`);

/** Table-name tokens of tables whose rows are persons (in addition to PERSON_TOKENS). */
export const PERSON_DATASET_TOKENS = set(`
personnel staff rh hr civil famille familles foyer foyers menage menages household households inscription
inscriptions enrolment enrollment admission admissions sejour sejours hospitalisation consultation consultations
paie payroll bulletin bulletins payslip carriere career effectif effectifs annuaire directory repertoire profile
profiles profil profils electorale electoral electorales
`);

/** Column-name tokens of an organisational unit (a ward, a department): the unit of a staff member is not health data. */
export const UNIT_TOKENS = set(`
service services affectation assignment rattachement unite unit pole departement department equipe team ward secteur
`);

/** Table-name tokens of care records: there, a ward or a specialty tells about the patient's health. */
export const CARE_TABLE_TOKENS = set(`
patient sejour sejours admission admissions hospitalisation hospitalisations consultation consultations urgence
urgences soin soins prescription prescriptions diagnosis rdv rendez encounter encounters visit visits episode
episodes stay stays care medical dossier dossiers
`);

/** Words turning a sensitive concept into metadata about a record: "id_prescription", "date_diagnostic". */
export const RECORD_META_TOKENS = set(`
id number ref date time at timestamp ts le nb count cnt version created updated modified saisie maj
`);
