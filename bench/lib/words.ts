// Word lists for the synthetic catalogue, written for this benchmark: English title words and
// first and last names from many languages (some accented), so that search has real words to
// find, to correct when misspelt and to complete from a prefix.

export const TITLE_ADJECTIVES = [
  'Ancient', 'Angry', 'Autumn', 'Bitter', 'Black', 'Blind', 'Blue', 'Brave', 'Bright', 'Broken',
  'Burning', 'Calm', 'Careless', 'Crimson', 'Crooked', 'Cruel', 'Dangerous', 'Dark', 'Dead', 'Deadly',
  'Deep', 'Desperate', 'Distant', 'Electric', 'Empty', 'Endless', 'Eternal', 'Evil', 'Fading', 'Fallen',
  'Fatal', 'Final', 'Forbidden', 'Forgotten', 'Fragile', 'Frozen', 'Furious', 'Gentle', 'Ghostly', 'Golden',
  'Grand', 'Gray', 'Green', 'Hidden', 'Hollow', 'Holy', 'Honest', 'Hungry', 'Infinite', 'Invisible',
  'Iron', 'Last', 'Lazy', 'Little', 'Lonely', 'Lost', 'Loud', 'Lucky', 'Mad', 'Magic',
  'Midnight', 'Mighty', 'Modern', 'Mysterious', 'Naked', 'Nameless', 'Northern', 'Perfect', 'Private', 'Proud',
  'Quiet', 'Radiant', 'Reckless', 'Red', 'Restless', 'Royal', 'Sacred', 'Savage', 'Scarlet', 'Secret',
  'Selfish', 'Shadowy', 'Shattered', 'Silent', 'Silver', 'Simple', 'Sleepless', 'Small', 'Southern', 'Stolen',
  'Strange', 'Sudden', 'Summer', 'Sweet', 'Tender', 'Terrible', 'Tiny', 'Twisted', 'Unbroken', 'Unknown',
  'Velvet', 'Violent', 'Wandering', 'Warm', 'Western', 'White', 'Wicked', 'Wild', 'Winter', 'Wounded',
  'Young', 'Zealous', 'Hypnotic', 'Glorious', 'Bloody', 'Haunted', 'Crystal', 'Marble', 'Wooden', 'Neon',
];

export const TITLE_NOUNS = [
  'Affair', 'Alibi', 'Angel', 'Anthem', 'Apartment', 'Archive', 'Army', 'Arrow', 'Assassin', 'Avalanche',
  'Bandit', 'Bargain', 'Battle', 'Beast', 'Bird', 'Blade', 'Blood', 'Bones', 'Border', 'Bridge',
  'Brother', 'Butterfly', 'Cabin', 'Canyon', 'Captain', 'Carnival', 'Castle', 'Cellar', 'Champion', 'Chase',
  'Child', 'Circus', 'City', 'Clock', 'Code', 'Colony', 'Comet', 'Conspiracy', 'Cowboy', 'Crown',
  'Dancer', 'Daughter', 'Dawn', 'Desert', 'Detective', 'Diamond', 'Diary', 'Doctor', 'Dragon', 'Dream',
  'Echo', 'Embassy', 'Empire', 'Enemy', 'Escape', 'Exile', 'Factory', 'Falcon', 'Family', 'Fever',
  'Fire', 'Flood', 'Forest', 'Fortune', 'Fox', 'Friend', 'Frontier', 'Garden', 'Ghost', 'Giant',
  'Gift', 'Girl', 'Gladiator', 'Guardian', 'Gunfighter', 'Harbor', 'Harvest', 'Heart', 'Heist', 'Hero',
  'Highway', 'Horizon', 'Horse', 'Hotel', 'Hour', 'House', 'Hunter', 'Island', 'Jewel', 'Journey',
  'Judge', 'Jungle', 'Key', 'Killer', 'King', 'Kingdom', 'Knight', 'Labyrinth', 'Lake', 'Legacy',
  'Legend', 'Letter', 'Liar', 'Light', 'Lighthouse', 'Lion', 'Machine', 'Man', 'Map', 'Mask',
  'Meadow', 'Memory', 'Mercenary', 'Mirror', 'Mission', 'Monster', 'Moon', 'Mother', 'Mountain', 'Murder',
  'Music', 'Night', 'Ocean', 'Orchard', 'Orphan', 'Outlaw', 'Palace', 'Paradise', 'Passenger', 'Path',
  'Phantom', 'Pilgrim', 'Pilot', 'Pirate', 'Planet', 'Poet', 'Prince', 'Princess', 'Prisoner', 'Promise',
  'Prophet', 'Queen', 'Rain', 'Ranger', 'Rebel', 'Reckoning', 'Revenge', 'Ritual', 'River', 'Road',
  'Rose', 'Ruins', 'Sailor', 'Saint', 'Scandal', 'Secret', 'Shadow', 'Sheriff', 'Ship', 'Signal',
  'Sister', 'Sky', 'Smile', 'Soldier', 'Song', 'Spy', 'Star', 'Storm', 'Stranger', 'Summit',
  'Sun', 'Survivor', 'Swan', 'Sword', 'Tale', 'Temple', 'Thief', 'Thunder', 'Tide', 'Tiger',
  'Tower', 'Traitor', 'Treasure', 'Trial', 'Tunnel', 'Valley', 'Vampire', 'Voyage', 'Warrior', 'Watcher',
  'Wave', 'Wedding', 'Widow', 'Wind', 'Witch', 'Witness', 'Wolf', 'Woman', 'World', 'Wreck',
];

/** Nouns that read well in the plural ("The Lost Children", "Wolves of Winter"). */
export const TITLE_PLURALS = [
  'Angels', 'Brothers', 'Children', 'Days', 'Dreams', 'Echoes', 'Embers', 'Eyes', 'Flowers', 'Ghosts',
  'Giants', 'Gods', 'Hearts', 'Heroes', 'Hours', 'Hunters', 'Kings', 'Letters', 'Lights', 'Lovers',
  'Machines', 'Memories', 'Men', 'Nights', 'Pirates', 'Rivers', 'Rules', 'Secrets', 'Shadows', 'Sisters',
  'Soldiers', 'Songs', 'Spies', 'Stars', 'Strangers', 'Streets', 'Thieves', 'Voices', 'Wings', 'Wolves',
];

export const TITLE_PLACES = [
  'Alaska', 'Amsterdam', 'Athens', 'Atlantis', 'Babylon', 'Baghdad', 'Bangkok', 'Barcelona', 'Berlin', 'Bogotá',
  'Bombay', 'Brooklyn', 'Budapest', 'Cairo', 'Casablanca', 'Chicago', 'Cologne', 'Córdoba', 'Dakar', 'Dublin',
  'Düsseldorf', 'Havana', 'Helsinki', 'Hollywood', 'Istanbul', 'Jakarta', 'Kyoto', 'Lagos', 'Lisbon', 'London',
  'Madrid', 'Manhattan', 'Marrakesh', 'Marseille', 'Mexico', 'Montréal', 'Moscow', 'Nairobi', 'Naples', 'Nevada',
  'Odessa', 'Oslo', 'Paris', 'Prague', 'Reykjavík', 'Rio', 'Rome', 'Saigon', 'Santiago', 'São Paulo',
  'Seville', 'Shanghai', 'Siberia', 'Sicily', 'Stockholm', 'Sydney', 'Tangier', 'Texas', 'Tokyo', 'Toulouse',
  'Valparaíso', 'Venice', 'Vienna', 'Warsaw', 'Yukon', 'Zanzibar', 'Zürich', 'Kraków', 'Malmö', 'Genève',
];

export const FIRST_NAMES = [
  'Aaron', 'Abigail', 'Adam', 'Adèle', 'Adrian', 'Agnès', 'Ahmed', 'Aiko', 'Alan', 'Albert',
  'Alejandro', 'Alexander', 'Alice', 'Alicia', 'Amélie', 'Amir', 'Amy', 'Ana', 'Anders', 'Andrea',
  'André', 'Andrew', 'Angela', 'Anna', 'Anne', 'Antoine', 'Antonio', 'Arjun', 'Arthur', 'Astrid',
  'Audrey', 'Ava', 'Barbara', 'Beatriz', 'Ben', 'Benoît', 'Bernard', 'Bjørn', 'Brian', 'Bruno',
  'Camille', 'Carla', 'Carlos', 'Carmen', 'Catherine', 'Cécile', 'Charles', 'Charlotte', 'Chen', 'Chloé',
  'Christian', 'Christina', 'Claire', 'Clara', 'Claude', 'Colin', 'Daniel', 'Daniela', 'David', 'Diana',
  'Diego', 'Dmitri', 'Dolores', 'Dominic', 'Dorothy', 'Edward', 'Elena', 'Elif', 'Elijah', 'Élise',
  'Elizabeth', 'Ellen', 'Emily', 'Emma', 'Enzo', 'Eric', 'Erik', 'Ernesto', 'Esther', 'Ethan',
  'Eva', 'Fatima', 'Felipe', 'Felix', 'Fernando', 'Fiona', 'Francesca', 'Francis', 'François', 'Frank',
  'Frédéric', 'Gabriel', 'Gabriela', 'George', 'Gérard', 'Gloria', 'Grace', 'Greta', 'Gustav', 'Hannah',
  'Harold', 'Harry', 'Hélène', 'Helen', 'Henrik', 'Henry', 'Hiroshi', 'Hugo', 'Ibrahim', 'Ines',
  'Ingrid', 'Isaac', 'Isabel', 'Isabella', 'Ivan', 'Jack', 'Jacques', 'Jakob', 'James', 'Jane',
  'Javier', 'Jean', 'Jennifer', 'Jérôme', 'Jessica', 'Joan', 'Joaquín', 'Johan', 'John', 'Jonas',
  'Jorge', 'José', 'Joseph', 'Juan', 'Julia', 'Julian', 'Julie', 'Jürgen', 'Karen', 'Karl',
  'Katarzyna', 'Kate', 'Kenji', 'Kevin', 'Klaus', 'Lars', 'Laura', 'Léa', 'Leila', 'Leo',
  'Léon', 'Liam', 'Lily', 'Linda', 'Lucas', 'Lucía', 'Luis', 'Lukas', 'Magdalena', 'Malik',
  'Manuel', 'Marco', 'Margaret', 'María', 'Marie', 'Marina', 'Mark', 'Marta', 'Martin', 'Mary',
  'Mateo', 'Matthew', 'Maya', 'Mehmet', 'Mei', 'Michael', 'Michel', 'Miguel', 'Mikael', 'Miriam',
  'Mohammed', 'Monica', 'Nadia', 'Naomi', 'Natalia', 'Nathan', 'Nicolas', 'Nikolai', 'Nina', 'Noah',
  'Noémie', 'Nora', 'Olga', 'Oliver', 'Olivia', 'Omar', 'Oscar', 'Pablo', 'Patricia', 'Paul',
  'Paula', 'Pedro', 'Peter', 'Philippe', 'Pierre', 'Priya', 'Rachel', 'Rafael', 'Rahul', 'Raquel',
  'Raúl', 'Rebecca', 'René', 'Ricardo', 'Richard', 'Robert', 'Rosa', 'Ruth', 'Ryan', 'Sakura',
  'Samuel', 'Sara', 'Sarah', 'Sebastian', 'Sergei', 'Simone', 'Sofia', 'Søren', 'Sophie', 'Stefan',
  'Stéphane', 'Susan', 'Sven', 'Takeshi', 'Teresa', 'Thomas', 'Timothy', 'Tomás', 'Ursula', 'Valentina',
  'Victor', 'Victoria', 'Vincent', 'Walter', 'William', 'Yasmin', 'Yuki', 'Yusuf', 'Zoé', 'Zoltán',
];

export const LAST_NAMES = [
  'Abbott', 'Adams', 'Aguilar', 'Albrecht', 'Alexander', 'Almeida', 'Álvarez', 'Andersen', 'Anderson', 'Arnaud',
  'Bailey', 'Baker', 'Barnes', 'Bauer', 'Becker', 'Bell', 'Bennett', 'Bergström', 'Bernard', 'Bianchi',
  'Blanc', 'Böhm', 'Bonnet', 'Brooks', 'Brown', 'Brunner', 'Butler', 'Campbell', 'Carter', 'Castillo',
  'Castro', 'Chen', 'Clark', 'Collins', 'Colombo', 'Cook', 'Cooper', 'Costa', 'Cruz', 'Dahl',
  'Davies', 'Davis', 'Delgado', 'Díaz', 'Dubois', 'Duarte', 'Durand', 'Edwards', 'Eriksson', 'Evans',
  'Fabre', 'Fernández', 'Ferrari', 'Fischer', 'Fisher', 'Fontaine', 'Ford', 'Foster', 'François', 'Fuchs',
  'García', 'Garnier', 'Gómez', 'González', 'Gray', 'Green', 'Griffin', 'Gutiérrez', 'Hall', 'Hansen',
  'Harris', 'Hartmann', 'Hayes', 'Hernández', 'Hill', 'Hoffmann', 'Holm', 'Howard', 'Hughes', 'Ibáñez',
  'Ivanov', 'Jackson', 'Jansen', 'Jensen', 'Jiménez', 'Johansson', 'Johnson', 'Jones', 'Kaiser', 'Kelly',
  'Kim', 'King', 'Klein', 'Koch', 'Kowalski', 'Krüger', 'Kuznetsov', 'Lambert', 'Larsen', 'Laurent',
  'Lee', 'Lefèvre', 'Lehmann', 'Leroy', 'Lewis', 'Lindqvist', 'Lombardi', 'López', 'Lorenz', 'Martin',
  'Martínez', 'Mazur', 'Meyer', 'Miller', 'Mitchell', 'Moreau', 'Moreno', 'Morgan', 'Morris', 'Müller',
  'Muñoz', 'Murphy', 'Murray', 'Nakamura', 'Navarro', 'Nelson', 'Neumann', 'Nguyen', 'Nielsen', 'Novak',
  'Nowak', "O'Brien", "O'Connor", 'Olsen', 'Ortiz', 'Owens', 'Palmer', 'Park', 'Parker', 'Patel',
  'Peña', 'Pereira', 'Pérez', 'Perrin', 'Peters', 'Petrov', 'Phillips', 'Popescu', 'Price', 'Quinn',
  'Ramírez', 'Reed', 'Reyes', 'Ricci', 'Richter', 'Rivera', 'Roberts', 'Robinson', 'Rodríguez', 'Romano',
  'Romero', 'Roussel', 'Rossi', 'Russo', 'Sánchez', 'Santos', 'Sato', 'Schäfer', 'Schmidt', 'Schneider',
  'Schulz', 'Scott', 'Silva', 'Simon', 'Smith', 'Sokolov', 'Sousa', 'Stewart', 'Suárez', 'Sullivan',
  'Suzuki', 'Svensson', 'Szabó', 'Tanaka', 'Taylor', 'Thomas', 'Thompson', 'Torres', 'Turner', 'Vargas',
  'Vasquez', 'Vogel', 'Wagner', 'Walker', 'Wang', 'Ward', 'Watanabe', 'Weber', 'White', 'Williams',
  'Wilson', 'Wolf', 'Wood', 'Wright', 'Yamamoto', 'Young', 'Zhang', 'Zimmermann', 'Żukowski', 'Østergaard',
];

/** Titles of characters in the credits ("Detective Müller", "Captain Ana"). */
export const CHARACTER_TITLES = [
  'Agent', 'Aunt', 'Captain', 'Coach', 'Colonel', 'Detective', 'Doctor', 'Father', 'General', 'Inspector',
  'Judge', 'Lieutenant', 'Madame', 'Mayor', 'Mister', 'Nurse', 'Officer', 'Professor', 'Sergeant', 'Uncle',
];

/** Characters credited by what they are rather than by name. */
export const CHARACTER_EXTRAS = [
  'Bartender', 'Bus Driver', 'Cashier', 'Dancer', 'Doorman', 'Guard', 'Journalist', 'Lawyer', 'Mechanic', 'Messenger',
  'Neighbor', 'Passerby', 'Pilot', 'Priest', 'Reporter', 'Singer', 'Soldier', 'Taxi Driver', 'Waiter', 'Waitress',
];

/** Verbs for the one-line movie descriptions ("must find", "cannot forget"). */
export const STORY_VERBS = [
  'betray', 'chase', 'defend', 'escape', 'find', 'forget', 'free', 'guard', 'hide', 'leave',
  'outwit', 'protect', 'rebuild', 'remember', 'rescue', 'return to', 'save', 'steal', 'survive', 'win back',
];
