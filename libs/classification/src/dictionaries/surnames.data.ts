/**
 * Frequent surnames in France (from general knowledge of INSEE birth-register frequencies, including
 * the overseas departments) and in English-speaking countries. Used only as weak evidence: a column
 * of surnames typically hits this list for a minority of its rows.
 */
export const SURNAMES_DATA = `
Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel Lefebvre Leroy Roux David
Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent Muller Lefèvre Faure André
Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier Garcia Perrin Robin Clément Morin
Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis Dumont Marie Lemaire Noël Meyer Dufour
Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard Barbier Arnaud Martinez Gérard Roche Renard
Schmitt Roy Leroux Colin Vidal Caron Picard Roger Fabre Aubert Lemoine Renaud Dumas Lacroix Olivier Philippe
Bourgeois Pierre Benoît Rey Leclerc Payet Rolland Leclercq Guillaume Lecomte Lopez Jean Dupuy Guillot Hubert
Berger Carpentier Sanchez Dupuis Moulin Louis Deschamps Huet Vasseur Perez Boucher Fleury Royer Klein Jacquet
Adam Paris Poirier Marty Aubry Guyot Carré Charles Renault Charpentier Ménard Maillard Baron Bertin Bailly
Hervé Schneider Fernandez Le-Gall Collet Léger Bouvier Julien Prévost Millet Perrot Daniel Le-Roux Cousin
Germain Breton Besson Langlois Rémy Le-Goff Pelletier Lévêque Perrier Leblanc Barré Lebrun Marchal Weber
Mallet Hamon Boulanger Jacob Monnier Michaud Rodriguez Guichard Gillet Étienne Grondin Poulain Tessier
Chevallier Collin Chauvin Da-Silva Bouchet Gay Lemaître Bénard Maréchal Humbert Reynaud Antoine Hoarau Perret
Barthélemy Cordier Pichon Lejeune Gilbert Lamy Delaunay Pasquier Carlier Laporte Gros Masse Lefort Delmas
Bousquet Tanguy Leconte Guillou Hardy Hamel Le-Bihan Riou Gomez Navarro Diallo Traore Traoré Camara Konate
Diop Ndiaye Sow Ba Fall Faye Kone Coulibaly Keita Cisse Sylla Toure Dembele Sissoko Benali Benaissa Haddad
Mansouri Belkacem Bouzid Cherif Hamidi Saidi Amrani Benamar Bensaid Brahimi Khelifi Meziane Zerrouki Boukhari
Tran Nguyen Pham Le Vu Hoang Dang Bui Do Ngo Duong Ly Truong Huynh Ferreira Pereira Rodrigues Fernandes
Gonçalves Alves Oliveira Santos Sousa Carvalho Costa Martins Gomes Lopes Marques Ribeiro Teixeira Pinto Mendes
Moreira Correia Cardoso Nunes Soares Vieira Monteiro Rossi Russo Ferrari Esposito Bianchi Romano Colombo
Ricci Marino Greco Bruno Gallo Conti Giordano Rizzo Lombardi Moretti Barbieri Fontana Santoro Mariani Rinaldi
Caruso Ferrara Galli Martini Leone Longo Gentile Martinelli Vitale Lombardo Serra Coppola Devaux Delorme
Devos Dubreuil Duchêne Dufresne Dujardin Dumoulin Duport Durieux Favre Ferrand Fleuriot Forestier Fouquet
Gaudin Gervais Gilles Girardin Godard Gosselin Goujon Grenier Guibert Guillemot Guillon Hébert Herault
Huguet Imbert Jacquemin Jourdan Joubert Labbé Lacombe Lafon Lagarde Laine Lamotte Langlais Laroche Lasserre
Laval Lebon Lebreton Lecoq Ledoux Lefranc Legay Legendre Legros Lejeune Lelièvre Lemonnier Lenoir Leroi
Lesage Letellier Levasseur Lhomme Loiseau Lombard Lucas Maillot Mallard Marc Marchetti Marion Marin Marques
Martel Mathis Maury Merle Meunier Millot Moine Monier Montagne Morand Moulinier Mouton Nicolle Noirot Olive
Ollivier Pages Paquet Parent Pascal Pasquet Patin Paul Pelletier Perrault Perrin Petitjean Pierron Pineau
Pinel Poncet Porte Poulet Prat Provost Raynaud Raymond Regnier Remond Renou Rey Ricard Richer Rigaud Riviere
Robert Robinet Rocher Rondeau Roques Rouault Rouquette Rousset Roussel Roy Ruel Sabatier Salaun Salmon Samson
Sauvage Schmitt Sellier Simonet Texier Thibault Thiebaut Thomas Tissot Tournier Toussaint Turpin Vallet
Vallée Vannier Verdier Vernet Vidal Vigneron Villard Voisin Wagner Weiss Zimmermann Baudry Beaumont Bellanger
Benoist Bernier Berthier Besnard Bigot Billard Blanchet Blin Boulay Bourdon Bourgeois Boutin Bouvet Brault
Briand Bruneau Buisson Cadiou Camus Carre Chabert Chapuis Charrier Chartier Chatelain Chauveau Chevrier
Clerc Colas Collignon Combes Cornu Cottin Coulon Courtois Cuvelier Delattre Delhaye Deniau Descamps Didier

Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson White Harris Clark Lewis
Robinson Walker Young Allen King Wright Scott Torres Hill Flores Green Adams Nelson Baker Hall Rivera Campbell
Mitchell Carter Roberts Evans Turner Phillips Parker Edwards Collins Stewart Morris Murphy Cook Rogers Morgan
Cooper Peterson Reed Bailey Bell Kelly Howard Ward Cox Richardson Wood Watson Brooks Bennett Gray James Hughes
Price Sanders Myers Long Ross Foster Powell Jenkins Perry Russell Sullivan Butler Barnes Fisher Henderson
Coleman Simmons Patterson Jordan Reynolds Hamilton Graham Kim Wallace Cole West Stone Hayes Ellis Gibson
Marshall Owens Harrison McDonald Woods Washington Kennedy Wells Palmer Robertson Black Holmes Stevens Shaw Hunt
Hicks Knight Lloyd Davies Walsh O'Brien Byrne Ryan O'Connor O'Neill Doyle McCarthy Gallagher Doherty Lynch
Murray Quinn McLaughlin Carroll Connolly Daly O'Sullivan Brennan Burke Collins Dunne Fitzgerald Healy Kavanagh
Keane Moran Nolan Power Regan Roche Sheehan Thornton Wall Whelan Armstrong Atkinson Austin Barker Bates Berry
Bishop Booth Bradley Burton Chapman Clarke Cunningham Dixon Elliott Fletcher Ford Fox Gardner Gordon Grant
Griffiths Hart Harvey Hudson Hunter Jennings Johnston Kay Lane Lawrence Lee Marsh Mason Matthews Mills Moss
Newman Norris Page Payne Pearce Pearson Porter Rees Richards Riley Rose Saunders Simpson Spencer Stevenson
Sutton Thompson Tucker Wade Walters Warren Watts Webb Webster Wheeler Williamson Wilkinson Willis Young Patel
Shah Khan Ali Hussain Ahmed Singh Kaur Chowdhury Begum Rahman Nguyen Wong Chan Lam Cheung Li Zhang Wang Liu
Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Lin Gao Luo Tanaka Suzuki Sato Watanabe Takahashi
Yamamoto Nakamura Kobayashi Park Choi Jung Kang Cho Yoon Jang Lim Schmidt Schneider Fischer Meyer Wagner
Becker Schulz Hoffmann Koch Richter Wolf Schroeder Neumann Schwarz Braun Hofmann Hartmann Lange Werner Krause
Lehmann Kowalski Nowak Wisniewski Kaminski Lewandowski Ivanov Petrov Smirnov Popescu Popa Ionescu Horvath
Novak Jansen Janssen Visser Bakker Smit Meijer Mulder Bos Vos Peeters Maes Jacobs Mertens Willems Claes
`;
