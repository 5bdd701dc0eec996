/**
 * Value vocabularies, comma separated; matching folds case and accents and reads any punctuation as a
 * space. The whole-value lists are compared with a complete value; the term lists (health, criminal)
 * are looked up as word sequences inside a value.
 */

export const SEX_VALUES = `m, f, h, male, female, homme, femme, hommes, femmes, masculin, feminin, man, woman, men, women,
garcon, fille, boy, girl, non binaire, nonbinary, x, intersexe, intersex`;

export const CIVILITY_VALUES = `m, mme, mlle, melle, mr, mrs, ms, miss, mx, dr, docteur, pr, professeur, monsieur, madame,
mademoiselle, messieurs, mesdames, sir, lady, me, maitre, mister`;

export const MARITAL_VALUES = `celibataire, marie, mariee, marie e, divorce, divorcee, divorce e, veuf, veuve, veuf veuve,
pacse, pacsee, pacse e, concubin, concubine, concubinage, union libre, separe, separee, separe e, en couple, single,
married, divorced, widowed, widow, widower, separated, civil partnership, domestic partnership, cohabiting, engaged,
remarie, remariee`;

export const NATIONALITY_VALUES = `francaise, francais, allemande, allemand, anglaise, anglais, britannique, belge, suisse,
italienne, italien, espagnole, espagnol, portugaise, portugais, neerlandaise, neerlandais, luxembourgeoise,
luxembourgeois, autrichienne, autrichien, polonaise, polonais, roumaine, roumain, bulgare, grecque, grec, turque, turc,
russe, ukrainienne, ukrainien, marocaine, marocain, algerienne, algerien, tunisienne, tunisien, senegalaise, senegalais,
malienne, malien, ivoirienne, ivoirien, camerounaise, camerounais, congolaise, congolais, americaine, americain,
canadienne, canadien, bresilienne, bresilien, chinoise, chinois, japonaise, japonais, indienne, indien, vietnamienne,
vietnamien, irlandaise, irlandais, suedoise, suedois, danoise, danois, norvegienne, norvegien, finlandaise, finlandais,
tcheque, slovaque, hongroise, hongrois, croate, serbe, libanaise, libanais, syrienne, syrien, egyptienne, egyptien,
haitienne, haitien, comorienne, comorien, malgache, mauricienne, mauricien, guineenne, guineen, beninoise, beninois,
togolaise, togolais, burkinabe, nigeriane, cap verdienne, cap verdien, french, german, british, english, scottish,
welsh, irish, italian, spanish, portuguese, dutch, belgian, swiss, austrian, polish, romanian, bulgarian, greek,
turkish, russian, ukrainian, moroccan, algerian, tunisian, senegalese, malian, nigerian, ghanaian, kenyan,
south african, american, canadian, mexican, brazilian, argentinian, argentine, colombian, chilean, peruvian, chinese,
japanese, korean, indian, pakistani, bangladeshi, vietnamese, filipino, thai, indonesian, australian, new zealander,
swedish, norwegian, danish, finnish, czech, slovak, hungarian, croatian, serbian, lebanese, syrian, iranian, iraqi,
israeli, egyptian, haitian, jamaican`;

export const RELIGION_VALUES = `catholique, catholic, catholicisme, protestant, protestante, protestantisme, chretien,
chretienne, christian, christianisme, christianity, orthodoxe, orthodox, musulman, musulmane, muslim, islam, islamique,
juif, juive, jewish, judaisme, judaism, israelite, bouddhiste, buddhist, bouddhisme, buddhism, hindou, hindoue, hindu,
hindouisme, hinduism, sikh, sikhisme, athee, atheist, atheisme, atheism, agnostique, agnostic, evangelique,
evangelical, anglican, anglicane, baptiste, baptist, methodiste, methodist, mormon, mormone, pentecotiste, pentecostal,
adventiste, temoin de jehovah, temoins de jehovah, jehovah s witness, sans religion, no religion, sunnite, sunni,
chiite, shia, shiite, jain, jainism, bahai, taoiste, taoist, shinto, animiste, animist, quaker, lutherien, lutheran,
calviniste, presbyterian, presbyterien`;

export const RELIGIOUS_DIET_VALUES = `halal, casher, cacher, kasher, kosher, sans porc, no pork, menu sans porc,
repas sans porc, repas halal, menu halal, repas casher, menu casher`;

export const POLITICAL_PARTY_VALUES = `la france insoumise, france insoumise, lfi, parti socialiste, les republicains,
rassemblement national, front national, europe ecologie les verts, eelv, les ecologistes, les verts, renaissance,
la republique en marche, lrem, en marche, modem, mouvement democrate, parti communiste francais, pcf, horizons,
reconquete, nouveau parti anticapitaliste, npa, lutte ouvriere, udi, debout la france, parti radical de gauche,
generation s, place publique, nouveau front populaire, labour, labour party, conservative, conservative party,
conservatives, tory, tories, liberal democrats, lib dem, lib dems, green party, greens, snp, scottish national party,
plaid cymru, reform uk, ukip, democrat, democrats, democratic party, republican, republicans, republican party,
libertarian party, sinn fein, fianna fail, fine gael, dup, cdu, spd, fdp, afd, die linke, podemos, psoe,
partido popular, sans etiquette`;

export const TRADE_UNION_VALUES = `cgt, cfdt, fo, force ouvriere, cgt fo, cfe cgc, cgc, cftc, unsa, solidaires, sud solidaires,
sud sante, sud rail, sud education, sud ptt, fsu, snes, snes fsu, snuipp, snuipp fsu, unef, cnt, sgen, sgen cfdt,
fnsea, confederation paysanne, non syndique, non syndiquee, unite the union, unison, gmb, usdaw, rmt, neu, nasuwt,
rcn, bma, teamsters, afl cio, seiu, uaw, aft, nea, afscme, ibew, ufcw, usw, cwa`;

export const SEXUAL_ORIENTATION_VALUES = `heterosexuel, heterosexuelle, heterosexual, hetero, homosexuel, homosexuelle,
homosexual, gay, gai, lesbienne, lesbian, bisexuel, bisexuelle, bisexual, asexuel, asexuelle, asexual, pansexuel,
pansexuelle, pansexual, queer, straight, questioning, en questionnement`;

export const ETHNIC_ORIGIN_VALUES = `caucasian, caucasien, caucasienne, african american, afro americain, hispanic, latino,
latina, latinx, asian, asian british, asian american, white british, white irish, white other, white european,
black british, black african, black caribbean, black american, mixed race, mixed white and black caribbean,
mixed white and asian, arab, arabe, maghrebin, maghrebine, roma, rom, gitan, gitane, tzigane, tsigane, sinti,
native american, american indian, alaska native, pacific islander, native hawaiian, aboriginal,
torres strait islander, indigenous, first nations, metis, metisse, inuit, berbere, kabyle`;

/** Words and phrases of criminal law (offences, sentences), looked up inside values. */
export const CRIMINAL_TERMS = `vol aggrave, vol a main armee, vol a l etalage, theft, burglary, cambriolage, escroquerie,
homicide, meurtre, assassinat, murder, manslaughter, assault, agression, coups et blessures, viol, rape, stupefiants,
trafic de stupefiants, drug trafficking, recel, abus de confiance, conduite en etat d ivresse,
conduite en etat alcoolique, conduite sous l emprise, dui, dwi, exces de vitesse, outrage, rebellion, vandalisme,
harcelement, harassment, violences conjugales, violences volontaires, domestic violence, contrefacon, blanchiment,
money laundering, corruption, extorsion, racket, sursis, suspended sentence, emprisonnement, imprisonment,
travaux d interet general, felony, misdemeanor, misdemeanour, arson, incendie volontaire, kidnapping, enlevement,
sequestration, delit, crime, contravention, condamnation, conviction, detention provisoire, garde a vue,
mise en examen, prison ferme, peine de prison, casier judiciaire, recidive, fraude fiscale, shoplifting`;

/** Diagnoses, conditions, treatments and drugs (French and English), looked up inside values. */
export const HEALTH_TERMS = `diabete, diabetes, diabetique, diabetic, hypertension, hypertendu, asthme, asthma,
asthmatique, cancer, carcinome, carcinoma, tumeur, tumor, tumour, leucemie, leukemia, leukaemia, lymphome, lymphoma,
melanome, melanoma, depression, depressif, depressive, anxiete, anxiety, trouble anxieux, schizophrenie,
schizophrenia, bipolaire, bipolar, autisme, autism, autiste, tdah, adhd, alzheimer, parkinson, epilepsie, epilepsy,
epileptique, sclerose en plaques, multiple sclerosis, vih, hiv, sida, aids, hepatite, hepatitis, tuberculose,
tuberculosis, grippe, influenza, covid, covid 19, pneumonie, pneumonia, bronchite, bronchitis, bpco, copd,
insuffisance cardiaque, heart failure, insuffisance renale, renal failure, kidney failure, infarctus,
myocardial infarction, heart attack, avc, stroke, accident vasculaire cerebral, arthrose, osteoarthritis, arthrite,
arthritis, polyarthrite, rheumatoid arthritis, osteoporose, osteoporosis, fracture, entorse, sprain, lombalgie,
back pain, migraine, obesite, obesity, anemie, anemia, anaemia, allergie, allergy, allergique, allergic, eczema,
psoriasis, cirrhose, cirrhosis, hypothyroidie, hypothyroidism, hyperthyroidie, hyperthyroidism, glaucome, glaucoma,
cataracte, cataract, surdite, deafness, cecite, blindness, grossesse, pregnancy, enceinte, fausse couche,
miscarriage, ivg, avortement, abortion, alcoolisme, alcoholism, toxicomanie, drug addiction, anorexie, anorexia,
boulimie, bulimia, demence, dementia, trisomie, down syndrome, mucoviscidose, cystic fibrosis, hemophilie,
haemophilia, hemophilia, appendicite, appendicitis, gastro enterite, gastroenteritis, angine, tonsillitis, otite,
otitis, sinusite, sinusitis, conjonctivite, conjunctivitis, varicelle, chickenpox, rougeole, measles, burn out,
burnout, insomnie, insomnia, dyslexie, dyslexia, endometriose, endometriosis, infection urinaire,
urinary tract infection, cystite, cystitis, embolie pulmonaire, pulmonary embolism, thrombose, thrombosis, angor,
arythmie, arrhythmia, fibrillation auriculaire, atrial fibrillation, hypercholesterolemie, hypercholesterolaemia,
dyslipidemie, insuffisance respiratoire, apnee du sommeil, sleep apnea, sleep apnoea, cardiopathie, cardiomyopathy,
commotion cerebrale, concussion, brulure, paracetamol, doliprane, ibuprofene, ibuprofen, aspirine, aspirin,
amoxicilline, amoxicillin, metformine, metformin, insuline, insulin, levothyrox, levothyroxine, ventoline,
salbutamol, omeprazole, atorvastatine, atorvastatin, simvastatine, simvastatin, lisinopril, amlodipine, ramipril,
bisoprolol, warfarine, warfarin, kardegic, morphine, tramadol, codeine, prednisone, prednisolone, cortisone,
methotrexate, antidepresseur, antidepressant, sertraline, fluoxetine, prozac, xanax, alprazolam, lexomil,
bromazepam, diazepam, valium, lorazepam, zolpidem, lithium, methadone, subutex, buprenorphine, chimiotherapie,
chemotherapy, radiotherapie, radiotherapy, dialyse, dialysis, antibiotique, antibiotic, anticoagulant,
antihypertenseur, kinesitherapie, physiotherapy, psychotherapie, psychotherapy, hospitalisation, hospitalization,
chirurgie, surgery, bilan sanguin, blood test, irm, mri, radiographie, x ray,
echographie, ultrasound, vaccination, vaccin, vaccine, rappel vaccinal, cardiologie, cardiology, oncologie,
oncology, pneumologie, pulmonology, psychiatrie, psychiatry, maternite, maternity ward, pediatrie, paediatrics,
pediatrics, geriatrie, geriatrics, neurologie, neurology, urologie, urology, gynecologie, gynaecology, gynecology,
obstetrique, obstetrics, dermatologie, dermatology, endocrinologie, endocrinology, gastro enterologie,
gastroenterology, nephrologie, nephrology, hematologie, haematology, hematology, rhumatologie, rheumatology,
orthopedie, orthopaedics, orthopedics, reanimation, intensive care, soins intensifs, soins palliatifs,
palliative care, addictologie, infectiologie, maladies infectieuses, chirurgie viscerale, chirurgie orthopedique,
chirurgie ambulatoire, ophtalmologie, ophthalmology, orl, stomatologie, radiologie, radiology, medecine interne,
internal medicine, medecine generale, soins de suite, readaptation, rehabilitation`;
