/**
 * Common given names in France and English-speaking countries, written from general knowledge of the
 * public INSEE "fichier des prénoms" rankings (births 1900-2020) and of the US SSA / UK ONS baby-name
 * tables, plus names frequent in France's immigrant-origin population. Whitespace separated; compound
 * names are hyphenated. Lookups fold case and accents, so "Élodie" and "ELODIE" match the same entry.
 */
export const FIRST_NAMES_DATA = `
Marie Jeanne Françoise Monique Catherine Nathalie Isabelle Sylvie Anne Martine Christine Nicole Jacqueline
Chantal Brigitte Sandrine Valérie Véronique Sophie Céline Stéphanie Christiane Dominique Patricia Aurélie Julie
Laurence Hélène Camille Émilie Laura Pauline Sarah Manon Léa Chloé Emma Inès Jade Louise Alice Lina Léna Rose
Anna Ambre Mila Julia Zoé Lou Juliette Charlotte Agathe Romane Eva Mia Nina Margaux Margot Lucie Clara Mathilde
Anaïs Marion Élodie Audrey Caroline Virginie Karine Delphine Corinne Florence Muriel Pascale Annie Josiane
Danielle Denise Simone Germaine Suzanne Yvonne Madeleine Marguerite Paulette Odette Renée Lucienne Raymonde
Colette Ginette Andrée Huguette Gisèle Jeannine Janine Micheline Michèle Michelle Marcelle Henriette Georgette
Solange Lucette Arlette Bernadette Claudine Claude Évelyne Éliane Marianne Mireille Joëlle Josette Liliane
Lydie Murielle Nadine Odile Régine Roselyne Sabine Thérèse Viviane Yvette Agnès Béatrice Cécile Estelle
Fabienne Géraldine Ingrid Jocelyne Laetitia Magali Mélanie Nadia Noémie Océane Ophélie Perrine Rachel Sabrina
Sandra Séverine Sonia Tiphaine Vanessa Amandine Angélique Anne-Marie Annick Aurore Bérénice Blandine Capucine
Clémence Coralie Constance Cyrielle Daphné Diane Édith Éléonore Éloïse Elsa Émeline Fanny Flavie Gaëlle Hortense
Iris Joséphine Justine Laure Léonie Léontine Lison Loane Lola Lorène Louane Lucile Maëlle Maëlys Maëva Marina
Marine Maryse Maud Mélissa Morgane Nolwenn Ninon Noëlle Olivia Ondine Paloma Pénélope Philippine Priscilla
Rébecca Salomé Solène Soline Stella Suzon Tatiana Valentine Victoire Violette Yasmine Yolande Zélie Adèle Alix
Apolline Aurélia Axelle Bertille Candice Cassandre Célia Chiara Clarisse Colombe Éléna Élise Elina Emy Enora
Faustine Gabrielle Garance Héloïse Ilona Inaya Isaure Jessica Joanna Kelly Lana Léana Léonore Lilou Lily Lise
Livia Lya Maddie Mahaut Manel Marie-Claire Marie-Christine Marie-France Marie-Thérèse Marie-Josée Marie-Laure
Marie-Pierre Marie-Noëlle Marie-Hélène Marie-Line Marie-Odile Marie-Agnès Marie-Paule Marie-Anne Marie-Louise
Marthe Maya Mélina Naomi Naëlle Noa Norah Oriane Romy Roxane Sacha Safia Selma Shana Sixtine Tessa Thaïs Timéa
Victoria Alicia Albane Amélie Anaëlle Angèle Anouk Armelle Astrid Aude Bénédicte Blanche Brune Carla Carole
Cassandra Cindy Claire Clotilde Coline Élisabeth Erika Eugénie Flora Floriane Gwendoline Hanna Hannah Héléna
Irène Jennifer Jessie Johanna Jordane Julianne Laurine Léane Lilia Line Lisa Lorraine Lucia Ludivine Madison
Maëline Mallaury Maria Mariam Marjorie Marylou Mathilda Maureen Maylis Méline Nawel Olga Pascaline Prisca Rosalie
Sidonie Sofia Sophia Sylvaine Thelma Typhaine Ursule Vera Yaëlle Yuna Zohra Gilberte Fernande Marcelline Léone
Albertine Augustine Célestine Clémentine Ernestine Honorine Louisette Mauricette Pierrette Rolande Jeannette
Nicolette Paule Gaby Gaëtane Edwige Éveline Ghislaine Gislaine Jacinthe Josée Laurianne Maïté Myriam Nelly
Rosine Yveline Alexandra Alexia Aline Annabelle Anne-Sophie Anne-Laure Anne-Claire Anne-Lise Christelle
Chrystelle Cristina Déborah Doriane Fabiola Florine Francine Gwenaëlle Gwladys Karelle Katia Laurène Lauriane
Leslie Linda Loïs Lorie Lydia Magalie Marlène Maryline Maryvonne Mélodie Nadège Natacha Pamela Peggy Priscille
Roseline Samantha Soraya Sylvia Tania Wendy Yasmina Yvelise Adeline Adrienne Agathe Alexane Alizée Amandine
Anastasia Andréa Angélina Anne-Charlotte Antoinette Ariane Armande Arielle Aurélie Bernadette Berthe Bettina
Camélia Carine Catheline Cathy Célestine Charline Claudia Clelia Clémentine Corinne Dalila Danièle Delia
Dorothée Edmée Élia Éloïse Elvire Emmanuelle Ernestine Esther Eulalie Fanny Félicie Flavie Florence Frédérique
Gabrielle Geneviève Gervaise Gilda Gwenola Hermine Hortense Huguette Inès Irma Isabeau Jacinthe Jocelyne
Joëlle Jordana Judith Juliane Justine Katell Laurie Léa Lénaïg Léonce Lilas Lilian Liliane Lina Lorette Lucienne
Lucinda Ludmilla Madeline Maelys Mahé Manuela Marceline Margaux Margaret Mariette Marinette Marise Marjolaine
Marthe Martina Maryam Mathilde Maxime Mélisande Micheline Mina Mireille Mona Nadine Nathalie Nella Nicolle
Ninon Octavie Olympe Ophélia Orlane Paola Paulette Perle Philomène Raphaëlle Reine Rosalie Rosemonde Rosette
Sabine Salomé Scarlett Séraphine Servane Sibylle Solange Stéphane Suzanne Sylvaine Sylvie Tiffany Valentine
Valériane Vinciane Violaine Virginie Ysaline Yseult Zoé Eléa Éléa Elena Elya Emmy Ilana Jeanne-Marie Kenza
Laly Lenna Lexie Lyana Lyna Maëlia Mayssa Maëlya Mathis Naïa Nélia Nour Rosa Sara Sofiane Thaïs Tina Ysé

Jean Pierre Michel André Philippe René Louis Alain Jacques Bernard Marcel Daniel Roger Robert Paul Christian
Henri Georges Nicolas François Patrick Gérard Christophe Joseph Frédéric Laurent Stéphane Éric David Julien
Pascal Thierry Olivier Sébastien Jérôme Didier Thomas Maurice Raymond Lucien Gilbert Guy Yves Serge Jean-Pierre
Jean-Claude Jean-Luc Jean-Marc Jean-Paul Jean-François Jean-Louis Jean-Michel Jean-Jacques Jean-Marie
Jean-Baptiste Jean-Christophe Jean-Philippe Jean-Yves Jean-Charles Jean-Guy Jean-Noël Jean-Pascal Jean-Bernard
Jean-Daniel Jean-Max Jean-Hugues Jean-Lou Antoine Alexandre Maxime Guillaume Vincent Anthony Romain Kévin Florian
Jonathan Mathieu Matthieu Benjamin Cédric Fabrice Franck Bruno Xavier Arnaud Sylvain Ludovic Hervé Emmanuel
Yannick Grégory Grégoire Damien Jérémy Mickaël Michaël Mikael Quentin Adrien Baptiste Hugo Lucas Léo Gabriel
Raphaël Arthur Jules Adam Maël Nathan Ethan Noah Mathis Timéo Tom Théo Liam Nolan Enzo Aaron Axel Clément
Victor Martin Valentin Antonin Bastien Corentin Dorian Esteban Evan Gaël Gaspard Ilan Isaac Kylian Killian Loïc
Lorenzo Malo Marius Mathéo Maxence Mehdi Naël Noé Noam Oscar Pablo Rayan Robin Rémi Rémy Samuel Simon Tristan
Ulysse Yanis Yann Youssef Aurélien Benoît Cyril Cyrille Denis Dimitri Édouard Émile Étienne Fabien Félix
Fernand Florent Gaëtan Gautier Gauthier Gilles Gustave Hubert Jacky Joël Jordan Joris Kilian Léon Léonard
Lionel Marc Marin Mathias Matthias Morgan Noël Norbert Patrice Philibert Raoul Régis Rodolphe Roland Samy
Sylvère Teddy Théophile Thibault Thibaut Timothée Tony Ugo Vivien Wilfried William Yoann Yohann Johan Johann
Albert Alfred Alphonse Ambroise Amédée Anatole Armand Arsène Auguste Augustin Aimé Barthélémy Basile Bertrand
Blaise Casimir Célestin Charles Clovis Constant Côme Cyprien Désiré Edmond Éloi Ernest Eugène Faustin Félicien
Ferdinand Firmin Francis Gaston Gervais Ghislain Gonzague Hector Hippolyte Honoré Ignace Isidore Joachim
Josselin Justin Léandre Léonce Léopold Lothaire Marcellin Martial Max Maximilien Narcisse Octave Odilon Pacôme
Philémon Prosper Roch Romuald Sosthène Stanislas Sylvestre Théodore Tiburce Urbain Valère Victorien Vital
Zacharie Alban Alexis Aloïs Amaury Anselme Aristide Aubin Audric Aymeric Balthazar Brice Calixte Cassien Charlie
Clarence Colin Constantin Dany Dylan Eden Éliott Elliot Élie Elio Émilien Enguerrand Erwan Erwann Ewen Flavien
Gabin Guilhem Gwenaël Harold Hugues Ilyes Ivan Jason Jimmy Joan Jocelyn Jonas Josué Jude Kélian Kenzo Kyllian
Lazare Lenny Loan Logan Loris Louka Luca Maé Maélan Mahé Malik Manoé Marceau Mattéo Mattia Maxens Mayeul Milan
Milo Mohamed Mohammed Nathanaël Nils Owen Pierre-Louis Pierre-Yves Pierre-Alain Pierre-Henri Pierre-Antoine
Paul-Henri Paul-Émile Marc-Antoine Marc-André Louis-Marie Rafael Robinson Ruben Sami Samson Sasha Sven Swann
Terence Tanguy Thiago Titouan Tobias Warren Wassim Wilson Yaël Yohan Younes Yvan Zachary Zakaria Goulven Gurvan
Gwendal Iwan Jakez Korentin Loeiz Morvan Nolann Ronan Tugdual Yannig Yves-Marie Brieuc Ewan Glenn Loïg Abel
Achille Adolphe Aimable Alcide Alexandrin Alexandre Ange Anicet Antonio Apollinaire Ariel Arnold Arsène Athanase
Aurèle Baudouin Benoit Bérenger Boris Camille Cédric Charly Christopher Clément Cyprien Damien Dimitri Donatien
Edgar Edgard Édouard Elian Éliot Emeric Émeric Ernest Erwin Évariste Fabrice Florentin Fortuné Frédérick Gérald
Germain Gérôme Gildas Gino Grégoire Guénolé Guislain Gustave Hadrien Hector Henri Hilaire Hugolin Ismaël Jacob
Jacques-Henri Jérémie Jessy Joffrey Jordi Joseph Julian Justin Kévin Lancelot Laurian Léonel Léopold Loïs
Lubin Ludovic Maixent Malcolm Mallory Manuel Marcel Marcelin Martin Matéo Maurin Médéric Melvin Michel Mickael
Nestor Norman Olivier Orlando Pascal Patrick Perrin Philémon Quentin Raphaël Raynald Régis Renaud Rodrigue
Rolland Romaric Romuald Roméo Rudy Rudolph Sébastien Séverin Siméon Stéphan Steve Steven Sullivan Tancrède
Théo Thierry Thomas Timothé Tom Valentin Valéry Venceslas Vianney Victorien Virgile Wilfrid Xavier Yvon Yannis
Yoan Zian

Mohamed Karim Rachid Farid Nabil Samir Sofiane Yacine Yassine Bilal Hamza Ibrahim Ismaël Ismail Ilyas Amine
Anis Ayoub Nassim Walid Khaled Mourad Djamel Kamel Hakim Redouane Mustapha Moustapha Abdel Abdelkader Abdellah
Abdallah Ali Omar Othmane Hicham Hichem Yousef Younès Idriss Driss Ahmed Ahmad Mahmoud Hassan Hussein Salim
Slimane Soufiane Tarik Tarek Nordine Noureddine Lahcen Brahim Saïd Nasser Kader Fouad Jamel Jamal Aziz Habib
Hamid Larbi Lakhdar Messaoud Mokhtar Nadir Rabah Reda Ryad Riad Sofian Zinedine Amir Elias Ilian Imran Issa
Kaïs Marwan Naïm Nahel Rayane Souleymane Mamadou Moussa Ousmane Abdoulaye Boubacar Ibrahima Cheikh Modou Amadou
Seydou Bakary Sékou Lamine Aliou Alioune Oumar Demba Idrissa Fatou Aminata Awa Mariama Kadiatou Khadija Aïcha
Fatima Fatma Samira Karima Malika Leïla Naïma Nawal Hafsa Salma Meryem Imane Sana Sanaa Siham Souad Zineb Zahra
Amina Amira Asma Assia Dounia Farah Hanane Hayat Houda Hind Ikram Jamila Latifa Lamia Rania Rim Safa Wafa
Yousra Zahia Djamila Hakima Hasna Ilham Kahina Louisa Lynda Malak Maïssa Naila Nesrine Rahma Rokia Saïda
Salima Wassila Yamina Aya Alya Chaïma Ghizlane Hajar Halima Kaoutar Lamya Nihad Noor Ouarda Rachida Sabah Sihem
Soumaya Taous Widad Zoubida Abdelaziz Abdelhak Abdelkrim Abderrahmane Adel Adnane Akram Anouar Ayman Badr
Bachir Chakib Chérif Fayçal Hamed Hocine Houcine Ilias Ilies Jalil Kamal Kamil Karim Lotfi Lyes Madjid Malek
Mehdi Mounir Mourad Nadjib Nassim Nazim Rafik Rami Rayan Sabri Salah Samy Sofian Taha Wahid Yahia Yanis Yazid
Youcef Zakary Zaki Zied Amel Anissa Chahrazad Dalia Djenna Feriel Ghislaine Habiba Hadja Ines Kheira Lilya Lina
Loubna Maha Maïmouna Mounia Nabila Nadjet Najat Nassima Nora Ouafa Radia Rym Sabrine Sakina Selima Sirine
Sonia Wissem Yasmine Zora Adama Aïssata Astou Coumba Dieynaba Fanta Hawa Kadidia Mariam Nafissatou Oumou Rama
Safiatou Sokhna Binta Khady Ndeye Assa Djeneba Kadi Oumy

João José Manuel Antonio António Carlos Fernando Francisco Luís Miguel Pedro Paulo Rui Nuno Tiago Diogo Ricardo
Sérgio Vitor Mário Alberto Armando Domingos Joaquim Juan Javier Jorge Alejandro Diego Raúl Enrique Ignacio
Ramón Roberto Rodrigo Salvador Santiago Marco Giovanni Giuseppe Luigi Paolo Pietro Salvatore Stefano Francesco
Alessandro Andrea Angelo Carlo Claudio Dario Fabio Federico Filippo Gianni Massimo Maurizio Riccardo Vincenzo
Ana Beatriz Carmen Catarina Dolores Esperanza Francisca Isabel Luisa Margarida Mercedes Paula Pilar Rosario
Teresa Joana Mariana Marta Rita Susana Alessandra Francesca Giulia Giovanna Federica Elisa Simona Fátima
Conceição Graça Lurdes Manuela Helena Filipa Inês Bruna Adriana Alejandra Guadalupe Consuelo Encarnación
Inmaculada Montserrat Nuria Rocío Soledad Yolanda Álvaro Andrés Emilio Gonzalo Hugo Jaime Julio Marcos Óscar
Sergio Víctor Xavier Agustín Aitor Íker Iñaki Jordi Josep Pau Xavi Mikel Unai

James John Michael William Richard Christopher Matthew Anthony Mark Donald Steven Andrew Joshua Kenneth Kevin
Brian George Timothy Ronald Edward Jeffrey Ryan Jacob Gary Nicholas Stephen Larry Scott Brandon Samuel Gregory
Frank Raymond Jack Dennis Jerry Tyler Nathan Henry Douglas Peter Kyle Walter Jeremy Keith Gerald Harold Sean
Austin Carl Lawrence Jesse Bryan Billy Joe Bruce Albert Willie Alan Wayne Elijah Randy Roy Ralph Eugene Russell
Bobby Mason Philip Harry Oliver Alfie Freddie Archie Leo Muhammad Finley Teddy Reggie Albie Tommy Ronnie
Harrison Sebastian Riley Toby Rory Louie Stanley Frankie Arlo Ollie Elliott Jenson Ezra Caleb Dexter Hunter
Blake Connor Callum Jamie Kieran Reece Rhys Lewis Declan Aidan Brendan Conor Cormac Darragh Eoin Fergus Finn
Niall Seamus Shane Cillian Ciaran Gavin Graham Grant Hamish Iain Ian Neil Stuart Alistair Angus Craig Duncan
Euan Fraser Gordon Murray Ross Gareth Dafydd Emrys Gethin Huw Ieuan Llewelyn Owain Rhodri Trevor Clive Nigel
Derek Barry Leonard Norman Herbert Sidney Cyril Reginald Percy Wilfred Cecil Horace Clifford Leslie Geoffrey
Terence Desmond Rodney Dudley Giles Rupert Hugh Jasper Crispin Benedict Dominic Marcus Adrian Darren Dean Lee
Kirk Troy Shaun Shawn Travis Cody Chase Hayden Cameron Carson Colton Cooper Easton Grayson Hudson Jackson Jaxon
Landon Lincoln Parker Ryder Sawyer Wyatt Zane Asher Bentley Brody Camden Everett Jace Kayden Kingston Maverick
Miles Micah Myles Nathaniel Rowan Silas Weston Bradley Brett Chad Clayton Corey Curtis Dale Dustin Edwin Floyd
Franklin Herman Howard Jared Jay Johnny Jon Lance Lloyd Marvin Mitchell Neal Nick Phillip Randall Seth Spencer
Todd Wesley Alvin Calvin Chester Earl Elmer Fred Harvey Leroy Lester Luther Milton Morris Otis Ray Sam
Sylvester Vernon Wallace Wendell Willard Bill Bob Dave Jim Mike Steve Tim Rob Dan Ben Chris Matt Andy Pete Ted
Alex Jake Josh Luke Ned Aiden Jayden Brayden Braxton Bryson Colby Dalton Damian Devin Donovan Drew Elias Emmett
Garrett Gideon Harley Ivan Jasper Jesus Joel Jonah Josiah Kai Kaleb Kenny Lachlan Leon Malachi Mateo Matthias
Maxwell Nolan Omar Preston Quentin Reid Roman Rylan Santiago Shelby Tanner Tristan Tucker Vance Wade Zachariah
Ambrose Barnaby Bartholomew Cuthbert Digby Edmund Ferdinand Gilbert Godfrey Humphrey Ignatius Jeremiah Lionel
Montague Mortimer Nathaniel Octavius Oswald Peregrine Quentin Rufus Septimus Tobias Ulysses Wilbur

Mary Jennifer Linda Elizabeth Barbara Susan Karen Nancy Betty Margaret Ashley Kimberly Emily Donna Carol Amanda
Dorothy Melissa Deborah Stephanie Rebecca Sharon Cynthia Kathleen Amy Angela Shirley Brenda Pamela Helen
Katherine Debra Carolyn Janet Heather Ruth Joyce Kelly Lauren Christina Joan Evelyn Judith Megan Andrea Cheryl
Martha Gloria Ann Frances Kathryn Janice Abigail Judy Grace Amber Doris Marilyn Beverly Isabella Theresa Diana
Natalie Brittany Kayla Lori Amelia Isla Ava Ivy Freya Willow Rosie Evie Poppy Sienna Elsie Ella Daisy Phoebe
Matilda Harper Millie Ruby Esme Layla Eliza Arabella Aria Bonnie Harriet Imogen Lucy Maisie Molly Orla
Penelope Scarlett Thea Violet Zara Abby Aileen Ailsa Aisling Alison Annabel Beatrice Bethany Bridget Caitlin
Caoimhe Chloe Ciara Clare Deirdre Eileen Eilidh Eimear Erin Fiona Georgia Gemma Gillian Gwen Gwendolyn Hayley
Holly Iona Isobel Jane Jenna Joanne Kate Katie Kirsty Leah Lorna Maeve Mairead Mhairi Morag Niamh Nora Roisin
Sinead Siobhan Shona Tara Una Aoife Ffion Seren Carys Cerys Bethan Catrin Eleri Lowri Mared Nia Rhian Sian
Tegan Angharad Elin Glenys Gwyneth Mabel Ethel Edith Gladys Mildred Lillian Hazel Beryl Sheila Maureen Doreen
Marjorie Rita Yvonne Tracey Tracy Mandy Kerry Dawn Lynne Lynn Jill Jackie Nicola Zoe Jodie Leanne Stacey
Charlene Toni Abbie Chelsea Courtney Jasmine Kayleigh Paige Shannon Tia Alyssa Brianna Destiny Hailey Kaylee
Mackenzie Makayla Savannah Sydney Taylor Trinity Addison Aubrey Avery Brooklyn Ellie Kennedy Madelyn Natalia
Paisley Peyton Piper Quinn Skylar Zoey Autumn Bella Cora Delilah Eleanor Emilia Everly Gianna Hadley Josephine
Kinsley Luna Naomi Nevaeh Nova Raelynn Sadie Serenity Valentina Aurora Alexa Allison Ariana Athena Brooke
Cassidy Eden Elise Faith Gabriella Genevieve Hope Jocelyn Jordyn Juliana Kendall Kylie Lila Londyn Melanie
Miranda Reagan Rylee Summer Vivian Ximena Aaliyah Alana Amaya Angelina Arianna Ayla Camila Daniela Emery
Fernanda Juniper Kali Kimber Leila Mariah Olive Selena Sloane Talia Tatum Wren Yasmin Becky Bev Deb Dot Jen
Jenny Kathy Kim Liz Meg Pam Sue Trish Val Viv Babs Bea Di Flo Izzy Kitty Lottie Milly Nell Polly Tilly Winnie
Agnes Alicia Alexis Allie Amanda Anita Annette April Arlene Audra Barbra Bernice Bertha Beth Betsy Billie
Blanche Bobbie Candace Carla Carmen Carrie Cassandra Celia Charlotte Christy Claudette Colleen Connie Constance
Cora Crystal Darlene Deanna Debbie Della Delores Dolores Dora Edna Effie Elaine Eleanor Ella Ellen Eloise
Elsie Erica Erma Essie Estelle Eunice Faye Flora Georgina Geraldine Gertrude Ginger Gwendolyn Harriet Hattie
Hilda Ida Inez Irma Jacqueline Jana Janie Jeanette Jeanne Jo Johanna Josie Joy Juanita Julianne June Justine
Kara Kari Katrina Kristen Kristin Kristina Lana Lena Leona Lila Lola Loretta Lorraine Louise Lucille Lula
Lydia Mae Marcia Margie Marian Marianne Marlene Marsha Mattie Maxine Meredith Minnie Miriam Myrtle Nadine
Nellie Nettie Nina Nora Norma Olga Opal Patsy Paulette Pearl Peggy Priscilla Rachael Regina Roberta Rochelle
Ronda Rosemary Roxanne Sabrina Sally Shelley Sherri Sheryl Sonja Stacy Stella Sylvia Tamara Tammy Tanya Tonya
Velma Verna Viola Wanda Wilma

Hans Klaus Jürgen Wolfgang Dieter Helmut Günter Uwe Stefan Andreas Jens Lars Henrik Anders Erik Olaf Karl
Heinz Fritz Otto Rolf Horst Manfred Werner Gerhard Kurt Friedrich Wilhelm Ulrich Jan Piet Kees Joost Dirk
Hendrik Willem Bram Sander Thijs Ruud Gerrit Ursula Helga Gisela Monika Petra Karin Birgit Heike Anke Silke
Kerstin Ute Renate Gabriele Jutta Katrin Anja Leonie Anneke Annemarie Femke Sanne Lotte Sigrid Maja Greta
Freja Frida Ebba Linnea Saga Alva Vladimir Dmitri Sergei Igor Nikolai Alexei Andrei Pavel Oleg Yuri Piotr
Pawel Tomasz Krzysztof Marek Jakub Wojciech Lukasz Katarzyna Agnieszka Magdalena Malgorzata Ewa Svetlana
Irina Ekaterina Ludmila Galina Nadezhda Milena Jana Zuzana Ivana Petr Jiri Tomas Lukas Ondrej Vaclav Karel
Zoltan Laszlo Istvan Gabor Attila Bogdan Mihai Ion Alexandru Ionut Florin Cristian Ioana Andreea Alina Mihaela
Gheorghe Vasile Dorin Natasha Tatiana Oksana Yulia Daria Polina Sofiya Viktoria Nikita Artem Maxim Denis Roman
Kirill Anton Mikhail Nikolaus Matthias Tobias Florian Moritz Felix Jonas Leon Lukas Niklas Paul Finn Ben Elias
Noah Luis Emil Jakob Vincent Anton Henri Emilia Hannah Lina Mila Lea Frieda Ida Clara Marlene Johanna Luisa
Mathilda Magnus Axel Bjorn Gustav Oskar Sten Ulf Torsten Bengt Leif Per Ole Nils Knut Sune Inga Solveig Ragnhild

Wei Li Ming Jun Hui Yan Mei Ling Xiao Hao Jie Lin Hong Fang Hiroshi Takeshi Kenji Yuki Haruto Sakura Yui Aiko
Akira Satoshi Kenta Ryo Minh Thanh Linh Huong Duc Tuan Quang Trang Thuy Raj Rahul Amit Priya Anjali Deepak
Sanjay Sunil Vijay Arjun Rohan Vikram Pooja Neha Sunita Kavita Ravi Suresh Ramesh Krishna Lakshmi Aditya Ananya
Chen Xin Yong Jing Qiang Lei Ying Hua Tao Bo Feng Yun Kumar Anil Manoj Ashok Nisha Rekha Shreya Divya Arun
Meera Sita Gita Hyun Jiwoo Minjun Seoyeon Jisoo Haeun Soo-ah Dong Seo Yuna Hana Mika Kaito Sora Riku Ren Hina
Aoi Emi Kazuki Daiki Takumi Shota Yuto
`;

/**
 * Given names that are also common words (French or English). Free-text scanning does not treat them
 * as names unless a civility or an upper-case surname follows.
 */
export const AMBIGUOUS_FIRST_NAMES_DATA = `
rose pierre claire jade ambre olive violette marine prune iris lily hope faith grace joy summer autumn april may
june will bill mark frank art bob pat rob sue dawn ruby pearl amber holly ivy daisy heather jasmine hazel
crystal destiny miles chase hunter cooper parker mason taylor page bonnie ray guy gene sam ange constant desire
prosper clement modeste victoire france pascal colombe capucine perle reine lilas blanche brune aime aimable
fortune celeste marin martin max jack don rich royal earl duke lance dean glen glenn grant gay sky river
storm wade drew brook brooke june lee ali lina lou noe leo sacha victor lance paris florence vera nova luna
aurora hope star jean christian carmen dominique camille claude france hugo mia eve eva adam abel
`;
